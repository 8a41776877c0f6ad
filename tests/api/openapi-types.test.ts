import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/api-types';

describe('web client API types', () => {
  it('match the route specs, so the client cannot drift from the API', async () => {
    const checkedIn = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await apiTypesSource();
    expect(checkedIn === fresh, `${API_TYPES_FILE} differs from the route specs: run npm run gen:api-types`).toBe(true);
  });
});
