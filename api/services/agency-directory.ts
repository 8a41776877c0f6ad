import { asc, eq, inArray } from 'drizzle-orm';
import { addDays, localDate } from '../../domain/calendar';
import { z } from 'zod';
import { independently, type Db, type Tx } from '../../db/client';
import { agencies, agencyAliases, agencyGroupMembers } from '../../db/schema';
import { AgencyDirectory, normalizeAgencyName } from '../../domain/agencies';
import { searchableText } from '../../domain/text';
import { AGENCY_KINDS, LANGUAGES, type AgencyKind } from '../../domain/vocabulary';
import { conflict, HttpError, notFound, unprocessable, type ErrorDetail } from '../errors';
import { isoDate } from '../schemas';

/** The whole directory in memory for name resolution: a province has well under a thousand agencies. */
export async function loadAgencyDirectory(db: Db | Tx): Promise<AgencyDirectory> {
  const [agencyRows, aliasRows, memberRows] = await independently(db, [
    () =>
      db
        .select({
          code: agencies.code,
          name: agencies.name,
          shortName: agencies.shortName,
          kind: agencies.kind,
          active: agencies.active,
          mergedInto: agencies.mergedInto,
        })
        .from(agencies)
        .orderBy(asc(agencies.code)),
    () => db.select({ alias: agencyAliases.alias, agencyCode: agencyAliases.agencyCode }).from(agencyAliases),
    () => db.select({ groupCode: agencyGroupMembers.groupCode, memberCode: agencyGroupMembers.memberCode }).from(agencyGroupMembers),
  ]);
  return new AgencyDirectory({ agencies: agencyRows, aliases: aliasRows, groupMembers: memberRows });
}

// ------------------------------------------------------------------------------------ API schemas

const codeSchema = z
  .string({ message: 'bắt buộc' })
  .trim()
  .min(1, 'không được để trống')
  .max(50, 'tối đa 50 ký tự')
  .regex(/^[A-Z0-9][A-Z0-9_.-]*$/, 'chỉ gồm chữ in hoa không dấu, số và . - _ (ví dụ STTTT, H-MOCCHAU)');

const text = (max: number) => z.string({ message: 'phải là chuỗi ký tự' }).trim().min(1, 'không được để trống').max(max, `tối đa ${max} ký tự`);

const aliasList = z.array(text(300), { message: 'phải là danh sách tên' }).max(100, 'tối đa 100 tên gọi khác');
const emailList = z.array(z.email({ message: 'phải là địa chỉ email' }), { message: 'phải là danh sách email' }).max(20, 'tối đa 20 địa chỉ');
const memberList = z.array(codeSchema, { message: 'phải là danh sách mã đơn vị' }).max(500, 'tối đa 500 thành viên');
const kindSchema = z.enum(AGENCY_KINDS, { message: `phải là một trong: ${AGENCY_KINDS.join(', ')}` });
const languageSchema = z.enum(LANGUAGES, { message: `phải là một trong: ${LANGUAGES.join(', ')}` });

export const createAgencyBody = z
  .object({
    code: codeSchema,
    name: text(300),
    shortName: text(200).optional(),
    aliases: aliasList.default([]),
    kind: kindSchema,
    parentCode: codeSchema.nullish(),
    emails: emailList.default([]),
    language: languageSchema.default('vi'),
    members: memberList.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.members?.length && a.kind !== 'group') ctx.addIssue({ code: 'custom', path: ['members'], message: 'chỉ đơn vị loại group mới có thành viên' });
  });
export type CreateAgencyInput = z.input<typeof createAgencyBody>;

export const updateAgencyBody = z.object({
  code: z.never({ message: 'không sửa được mã đơn vị' }).optional(),
  name: text(300).optional(),
  shortName: text(200).optional(),
  aliases: aliasList.optional(),
  kind: kindSchema.optional(),
  parentCode: codeSchema.nullish(),
  emails: emailList.optional(),
  language: languageSchema.optional(),
  members: memberList.optional(),
  active: z.boolean({ message: 'phải là true hoặc false' }).optional(),
  /** The day a new name takes effect (default today): the old one is kept as a former name until the day before. */
  renamedOn: isoDate.optional(),
});
export type UpdateAgencyInput = z.input<typeof updateAgencyBody>;

export const agencySchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: kindSchema,
  parentCode: z.string().nullable(),
  emails: z.array(z.string()),
  language: languageSchema,
  active: z.boolean(),
  mergedInto: z.string().nullable(),
  mergedOn: z.string().nullable(),
  aliases: z.array(z.string()),
  /** Names it bore before a rename, with the last day of each, latest first. */
  formerNames: z.array(z.object({ name: z.string(), until: z.string() })),
  members: z.array(z.string()),
});
export type AgencyView = z.infer<typeof agencySchema>;

// ------------------------------------------------------------------------------------------ reads

const agencyColumns = {
  code: agencies.code,
  name: agencies.name,
  shortName: agencies.shortName,
  kind: agencies.kind,
  parentCode: agencies.parentCode,
  emails: agencies.emails,
  language: agencies.language,
  active: agencies.active,
  mergedInto: agencies.mergedInto,
  mergedOn: agencies.mergedOn,
};

async function views(db: Db | Tx, codes?: string[]): Promise<AgencyView[]> {
  const where = codes ? inArray(agencies.code, codes) : undefined;
  const rows = await db.select(agencyColumns).from(agencies).where(where).orderBy(asc(agencies.kind), asc(agencies.name));
  if (!rows.length) return [];
  const list = rows.map((r) => r.code);
  const [aliasRows, memberRows] = await independently(db, [
    () =>
      db
        .select({ agencyCode: agencyAliases.agencyCode, alias: agencyAliases.alias, usedUntil: agencyAliases.usedUntil })
        .from(agencyAliases)
        .where(codes ? inArray(agencyAliases.agencyCode, list) : undefined)
        .orderBy(asc(agencyAliases.alias)),
    () =>
      db
        .select({ groupCode: agencyGroupMembers.groupCode, memberCode: agencyGroupMembers.memberCode })
        .from(agencyGroupMembers)
        .where(codes ? inArray(agencyGroupMembers.groupCode, list) : undefined)
        .orderBy(asc(agencyGroupMembers.memberCode)),
  ]);
  const aliases = new Map<string, string[]>();
  const former = new Map<string, { name: string; until: string }[]>();
  for (const a of aliasRows) {
    if (a.usedUntil) former.set(a.agencyCode, [...(former.get(a.agencyCode) ?? []), { name: a.alias, until: a.usedUntil }]);
    else aliases.set(a.agencyCode, [...(aliases.get(a.agencyCode) ?? []), a.alias]);
  }
  const members = new Map<string, string[]>();
  for (const m of memberRows) members.set(m.groupCode, [...(members.get(m.groupCode) ?? []), m.memberCode]);
  const latestFirst = (a: { until: string }, b: { until: string }) => b.until.localeCompare(a.until);
  return rows.map((r) => ({ ...r, aliases: aliases.get(r.code) ?? [], formerNames: (former.get(r.code) ?? []).sort(latestFirst), members: members.get(r.code) ?? [] }));
}

/** Agencies, optionally of one kind, whose code, name, short name or alias contains `q` (accents ignored). */
export async function listAgencies(db: Db, filter: { kind?: AgencyKind; q?: string } = {}): Promise<AgencyView[]> {
  let list = await views(db);
  if (filter.kind) list = list.filter((a) => a.kind === filter.kind);
  const q = filter.q ? searchableText(filter.q) : '';
  if (q) {
    list = list.filter((a) => [a.code, a.name, a.shortName, ...a.aliases, ...a.formerNames.map((f) => f.name)].some((s) => searchableText(s).includes(q)));
  }
  return list;
}

export async function getAgency(db: Db | Tx, code: string): Promise<AgencyView> {
  const [view] = await views(db, [code]);
  if (!view) throw notFound(`đơn vị mã ${code}`);
  return view;
}

// ----------------------------------------------------------------------------------------- writes

/**
 * Every name an agency answers to must lead to that agency only: its name, short name and aliases
 * may not be another agency's name, short name or alias (after normalisation), or resolution
 * would become ambiguous.
 */
async function checkNames(tx: Tx, code: string, names: { field: string; value: string }[]): Promise<void> {
  const wanted = new Map<string, { field: string; value: string }>();
  for (const n of names) {
    const key = normalizeAgencyName(n.value);
    if (!key) throw unprocessable('Tên không hợp lệ.', [{ field: n.field, message: `"${n.value}" không còn chữ nào sau khi chuẩn hóa` }]);
    if (!wanted.has(key)) wanted.set(key, n);
  }
  const others = await tx.select({ code: agencies.code, name: agencies.name, shortName: agencies.shortName }).from(agencies);
  const otherAliases = await tx.select({ normalized: agencyAliases.normalized, alias: agencyAliases.alias, agencyCode: agencyAliases.agencyCode }).from(agencyAliases);
  const taken = new Map<string, { code: string; text: string }>();
  for (const a of others) {
    if (a.code === code) continue;
    taken.set(normalizeAgencyName(a.name), { code: a.code, text: a.name });
    taken.set(normalizeAgencyName(a.shortName), { code: a.code, text: a.shortName });
  }
  for (const a of otherAliases) if (a.agencyCode !== code) taken.set(a.normalized, { code: a.agencyCode, text: a.alias });
  const details: ErrorDetail[] = [];
  for (const [key, n] of wanted) {
    const owner = taken.get(key);
    if (owner) details.push({ field: n.field, message: `"${n.value}" đã là tên gọi của đơn vị ${owner.code} ("${owner.text}")` });
  }
  if (details.length) throw conflict('Tên gọi đã được dùng cho đơn vị khác.', details);
}

async function checkReferences(tx: Tx, code: string, parentCode: string | null | undefined, members: string[] | undefined): Promise<void> {
  const details: ErrorDetail[] = [];
  const refs = [...new Set([...(parentCode ? [parentCode] : []), ...(members ?? [])])];
  const found = refs.length ? await tx.select({ code: agencies.code, kind: agencies.kind }).from(agencies).where(inArray(agencies.code, refs)) : [];
  const kinds = new Map(found.map((f) => [f.code, f.kind]));
  if (parentCode) {
    if (parentCode === code) details.push({ field: 'parentCode', message: 'không được là chính đơn vị này' });
    else if (!kinds.has(parentCode)) details.push({ field: 'parentCode', message: `không có đơn vị mã ${parentCode}` });
  }
  (members ?? []).forEach((m, i) => {
    if (m === code) details.push({ field: `members.${i}`, message: 'nhóm không thể là thành viên của chính nó' });
    else if (!kinds.has(m)) details.push({ field: `members.${i}`, message: `không có đơn vị mã ${m}` });
    else if (kinds.get(m) === 'group') details.push({ field: `members.${i}`, message: `${m} là một nhóm; thành viên phải là đơn vị cụ thể` });
  });
  if (details.length) throw unprocessable('Đơn vị tham chiếu không hợp lệ.', details);
}

/** Alias rows for `aliases`, minus those that are just the agency's own name again. */
function aliasRows(code: string, name: string, shortName: string, aliases: string[]) {
  const own = new Set([normalizeAgencyName(name), normalizeAgencyName(shortName)]);
  const rows = new Map<string, { normalized: string; alias: string; agencyCode: string }>();
  for (const alias of aliases) {
    const normalized = normalizeAgencyName(alias);
    if (!normalized || own.has(normalized) || rows.has(normalized)) continue;
    rows.set(normalized, { normalized, alias, agencyCode: code });
  }
  return [...rows.values()];
}

const nameFields = (a: { name: string; shortName: string; aliases: string[] }) => [
  { field: 'name', value: a.name },
  { field: 'shortName', value: a.shortName },
  ...a.aliases.map((value, i) => ({ field: `aliases.${i}`, value })),
];

export async function createAgency(db: Db | Tx, input: CreateAgencyInput): Promise<AgencyView> {
  const a = createAgencyBody.parse(input);
  const shortName = a.shortName ?? a.name;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, a.code));
    if (existing) throw conflict(`Đã có đơn vị mã ${a.code}.`, [{ field: 'code', message: 'đã tồn tại' }]);
    await checkNames(tx, a.code, nameFields({ name: a.name, shortName, aliases: a.aliases }));
    await checkReferences(tx, a.code, a.parentCode, a.members);
    const [created] = await tx
      .insert(agencies)
      .values({ code: a.code, name: a.name, shortName, kind: a.kind, parentCode: a.parentCode ?? null, emails: a.emails, language: a.language })
      .onConflictDoNothing()
      .returning({ code: agencies.code });
    if (!created) throw conflict(`Đã có đơn vị mã ${a.code}.`, [{ field: 'code', message: 'đã tồn tại' }]);
    const rows = aliasRows(a.code, a.name, shortName, a.aliases);
    if (rows.length) await tx.insert(agencyAliases).values(rows);
    if (a.members?.length) {
      await tx.insert(agencyGroupMembers).values([...new Set(a.members)].map((memberCode) => ({ groupCode: a.code, memberCode })));
    }
    return getAgency(tx, a.code);
  });
}

export async function updateAgency(db: Db | Tx, code: string, input: UpdateAgencyInput): Promise<AgencyView> {
  const patch = updateAgencyBody.parse(input);
  return db.transaction(async (tx) => {
    const current = await getAgency(tx, code);
    const next = {
      name: patch.name ?? current.name,
      shortName: patch.shortName ?? current.shortName,
      kind: patch.kind ?? current.kind,
      aliases: patch.aliases ?? current.aliases,
    };
    if (patch.members?.length && next.kind !== 'group') {
      throw unprocessable('Dữ liệu không hợp lệ.', [{ field: 'members', message: 'chỉ đơn vị loại group mới có thành viên' }]);
    }
    await checkNames(tx, code, nameFields(next));
    await checkReferences(tx, code, patch.parentCode, patch.members);

    const set: Partial<typeof agencies.$inferInsert> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.shortName !== undefined) set.shortName = patch.shortName;
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.parentCode !== undefined) set.parentCode = patch.parentCode;
    if (patch.emails !== undefined) set.emails = patch.emails;
    if (patch.language !== undefined) set.language = patch.language;
    if (patch.active !== undefined) set.active = patch.active;
    if (Object.keys(set).length) await tx.update(agencies).set(set).where(eq(agencies.code, code));

    // Aliases are replaced when given, and re-checked against a changed name either way. Former names
    // stay (an agency renamed back takes its name out of them); a name changed now becomes one.
    if (patch.aliases !== undefined || patch.name !== undefined || patch.shortName !== undefined) {
      const own = new Set([next.name, next.shortName].map(normalizeAgencyName));
      const until = patch.renamedOn ? addDays(patch.renamedOn, -1) : addDays(localDate(Date.now()), -1);
      const dropped = [current.name, current.shortName].filter((n) => !own.has(normalizeAgencyName(n)));
      const formerRows = new Map(current.formerNames.map((f) => [normalizeAgencyName(f.name), { normalized: normalizeAgencyName(f.name), alias: f.name, agencyCode: code, usedUntil: f.until }]));
      for (const name of dropped) formerRows.set(normalizeAgencyName(name), { normalized: normalizeAgencyName(name), alias: name, agencyCode: code, usedUntil: until });
      for (const key of own) formerRows.delete(key);
      const currentRows = aliasRows(code, next.name, next.shortName, next.aliases).filter((r) => !formerRows.has(r.normalized));
      await tx.delete(agencyAliases).where(eq(agencyAliases.agencyCode, code));
      const rows = [...currentRows, ...formerRows.values()];
      if (rows.length) await tx.insert(agencyAliases).values(rows);
    }
    if (patch.members !== undefined || next.kind !== 'group') {
      await tx.delete(agencyGroupMembers).where(eq(agencyGroupMembers.groupCode, code));
      const members = next.kind === 'group' ? [...new Set(patch.members ?? current.members)] : [];
      if (members.length) await tx.insert(agencyGroupMembers).values(members.map((memberCode) => ({ groupCode: code, memberCode })));
    }
    return getAgency(tx, code);
  });
}

// ---------------------------------------------------------------------- names met in an appendix

export const importedNameBody = z
  .object({
    /** The name as the appendix writes it. */
    text: text(300),
    /** The agency it means, when it is in the directory already. */
    agencyCode: codeSchema.optional(),
    /** Or the agency to add for it. */
    newAgency: z
      .object({
        code: codeSchema,
        name: text(300),
        shortName: text(200).optional(),
        kind: z.enum(AGENCY_KINDS.filter((k) => k !== 'group') as [AgencyKind, ...AgencyKind[]], { message: 'phải là loại đơn vị cụ thể, không phải nhóm' }),
        emails: emailList.default([]),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((b) => (b.agencyCode === undefined) !== (b.newAgency === undefined), { path: ['agencyCode'], message: 'chọn một đơn vị có sẵn hoặc tạo đơn vị mới (một trong hai)' });

/**
 * A name an appendix used that the directory did not know, resolved by the coordinator during an
 * import: kept as an alias of the agency it means (an existing one, or one added now), so every later
 * import knows it. A name that is already another agency's is refused (409), as on the agencies page.
 */
export async function addImportedName(db: Db | Tx, input: z.output<typeof importedNameBody>): Promise<{ created: boolean; agency: AgencyView }> {
  const asTextField = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (err) {
      // The alias is the name the coordinator is resolving: say so rather than "aliases.7".
      if (err instanceof HttpError && err.status === 409) throw conflict(err.message, err.details.map((d) => ({ ...d, field: /^aliases\./.test(d.field ?? '') ? 'text' : d.field })));
      throw err;
    }
  };
  const key = normalizeAgencyName(input.text);
  if (input.agencyCode) {
    const current = await getAgency(db, input.agencyCode);
    const known = [current.name, current.shortName, ...current.aliases].some((n) => normalizeAgencyName(n) === key);
    if (known) return { created: false, agency: current };
    return { created: false, agency: await asTextField(() => updateAgency(db, current.code, { aliases: [...current.aliases, input.text] })) };
  }
  const a = input.newAgency!;
  const aliases = [a.name, a.shortName].some((n) => n && normalizeAgencyName(n) === key) ? [] : [input.text];
  return { created: true, agency: await asTextField(() => createAgency(db, { ...a, aliases })) };
}
