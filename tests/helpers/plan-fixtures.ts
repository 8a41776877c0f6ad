import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Real plan appendices (public documents) kept in the repository, with the counts they must import to
 * in tests/fixtures/plans/README.md. Read relative to this file, so a clone anywhere finds them.
 */
export const SON_LA = 'son-la-212-kh-ubnd-2020.csv';
export const TAY_NINH = 'tay-ninh-794-kh-ubnd-2019.csv';

export function planFixture(name: typeof SON_LA | typeof TAY_NINH): Buffer {
  return readFileSync(fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url)));
}
