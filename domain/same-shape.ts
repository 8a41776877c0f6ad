/**
 * `true` when A and B are assignable both ways. `const _x: SameShape<z.output<typeof schema>, T> = true`
 * stops compiling when a zod schema and the type it describes drift apart, whichever side gains a field.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
