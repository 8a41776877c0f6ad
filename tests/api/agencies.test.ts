import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { agencies, agencyAliases, agencyGroupMembers } from '../../db/schema';
import { agencySeed, seedAgencies } from '../../db/seed/agencies';
import { loadAgencyDirectory } from '../../api/services/agency-directory';

let stack: TestStack;
let coordinator: string;
let agencyUser: string;
let viewer: string;

beforeAll(async () => {
  stack = await startStack({ label: 'agencies' });
  await seedAgencies(stack.database.db, { province: 'son-la' });
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
  agencyUser = await stack.user({ role: 'agency', agencyCode: 'SNV' });
  viewer = await stack.user({ role: 'viewer' });
});
afterAll(() => stack?.close());

const rowCounts = async () => {
  const db = stack.database.db;
  const [[a], [al], [m]] = await Promise.all([
    db.select({ n: count() }).from(agencies),
    db.select({ n: count() }).from(agencyAliases),
    db.select({ n: count() }).from(agencyGroupMembers),
  ]);
  return { agencies: a!.n, aliases: al!.n, members: m!.n };
};

describe('seedAgencies', () => {
  it('writes the Sơn La directory once; running again changes nothing and keeps edits', async () => {
    const seed = agencySeed('son-la');
    expect(await rowCounts()).toEqual({ agencies: seed.agencies.length, aliases: seed.aliases.length, members: seed.groupMembers.length });
    await stack.database.db.update(agencies).set({ emails: ['moi@sonla.gov.vn'] }).where(eq(agencies.code, 'SYT'));
    expect(await seedAgencies(stack.database.db, { province: 'son-la' })).toEqual({ agencies: 0, aliases: 0, members: 0 });
    expect(await rowCounts()).toEqual({ agencies: seed.agencies.length, aliases: seed.aliases.length, members: seed.groupMembers.length });
    const [syt] = await stack.database.db.select().from(agencies).where(eq(agencies.code, 'SYT'));
    expect(syt!.emails).toEqual(['moi@sonla.gov.vn']);
  });

  it('loads back into a directory that resolves the plan\'s lead texts', async () => {
    const dir = await loadAgencyDirectory(stack.database.db);
    const r = dir.resolveCell('VP UBND tỉnh, Công an tỉnh, Tòa án nhân dân tỉnh, UBND các huyện thành phố');
    expect(r.agencies.map((a) => a.code)).toEqual(['VPUBND', 'CAT', 'TAND', 'HUYEN']);
    expect(r.agencies[3]!.members).toHaveLength(12);
    expect(r.unresolved).toEqual([]);
  });
});

describe('GET /api/agencies', () => {
  it('lists the directory for any signed-in role, with aliases and members', async () => {
    for (const token of [stack.adminToken, coordinator, agencyUser, viewer]) {
      const res = await stack.request('GET', '/api/agencies', { token });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBe(agencySeed('son-la').agencies.length);
    }
    const res = await stack.request('GET', '/api/agencies', { token: agencyUser });
    const stttt = res.body.items.find((a: { code: string }) => a.code === 'STTTT');
    expect(stttt).toMatchObject({ name: 'Sở Thông tin và Truyền thông', kind: 'department', emails: ['vanthu.stttt@sonla.gov.vn'], active: true, language: 'vi' });
    expect(stttt.aliases).toEqual(expect.arrayContaining(['Sở TTTT', 'STTTT']));
    expect((await stack.request('GET', '/api/agencies')).status).toBe(401);
  });

  it('filters by kind and by text, accents ignored', async () => {
    const districts = await stack.request('GET', '/api/agencies?kind=district', { token: viewer });
    expect(districts.body.items).toHaveLength(12);
    const moc = await stack.request('GET', `/api/agencies?q=${encodeURIComponent('moc chau')}`, { token: viewer });
    expect(moc.body.items.map((a: { code: string }) => a.code)).toEqual(['H-MOCCHAU']);
    const byAlias = await stack.request('GET', `/api/agencies?q=${encodeURIComponent('Sở LĐTBXH')}`, { token: viewer });
    expect(byAlias.body.items.map((a: { code: string }) => a.code)).toEqual(['SLDTBXH']);
    const bad = await stack.request('GET', '/api/agencies?kind=ministry', { token: viewer });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('query.kind');
  });

  it('shows one agency; a group with its members; 404 for an unknown code', async () => {
    const group = await stack.request('GET', '/api/agencies/HUYEN', { token: agencyUser });
    expect(group.status).toBe(200);
    expect(group.body).toMatchObject({ code: 'HUYEN', kind: 'group', name: 'UBND các huyện, thành phố' });
    expect(group.body.members).toHaveLength(12);
    expect(group.body.members).toContain('H-SOPCOP');
    const missing = await stack.request('GET', '/api/agencies/KHONGCO', { token: agencyUser });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('POST /api/agencies', () => {
  const body = {
    code: 'TTCNTT',
    name: 'Trung tâm Công nghệ thông tin và Truyền thông',
    shortName: 'Trung tâm CNTT&TT',
    aliases: ['TT CNTT&TT', 'Trung tâm CNTT'],
    kind: 'other',
    parentCode: 'STTTT',
    emails: ['vanthu.ttcntt@sonla.gov.vn'],
  };

  it('creates an agency (admin only), whose names resolve at once', async () => {
    expect((await stack.request('POST', '/api/agencies', { token: coordinator, body })).status).toBe(403);
    const res = await stack.request('POST', '/api/agencies', { token: stack.adminToken, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'TTCNTT', parentCode: 'STTTT', language: 'vi', active: true, members: [] });
    expect(res.body.aliases.sort()).toEqual(['TT CNTT&TT', 'Trung tâm CNTT']);
    const resolved = await stack.request('GET', `/api/agencies/resolve?name=${encodeURIComponent('Trung tâm CNTT, Sở Nội vụ')}`, { token: coordinator });
    expect(resolved.body.agencies.map((a: { code: string }) => a.code)).toEqual(['TTCNTT', 'SNV']);
  });

  it('409 for a duplicate code or a name another agency already answers to', async () => {
    const dup = await stack.request('POST', '/api/agencies', { token: stack.adminToken, body: { ...body, aliases: [] } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual([{ field: 'code', message: 'đã tồn tại' }]);
    const alias = await stack.request('POST', '/api/agencies', {
      token: stack.adminToken,
      body: { code: 'TTTT2', name: 'Trung tâm Thông tin', kind: 'other', aliases: ['Trung tâm TT', 'Sở TT&TT'] },
    });
    expect(alias.status).toBe(409);
    expect(alias.body.error.details).toEqual([{ field: 'aliases.1', message: expect.stringContaining('STTTT') }]);
    const name = await stack.request('POST', '/api/agencies', { token: stack.adminToken, body: { code: 'SNV2', name: 'SỞ NỘI VỤ', kind: 'department' } });
    expect(name.status).toBe(409);
    expect(name.body.error.details[0].field).toBe('name');
  });

  it('422 for an unknown parentCode or member, and for members of a non-group', async () => {
    const parent = await stack.request('POST', '/api/agencies', { token: stack.adminToken, body: { code: 'X1', name: 'Đơn vị X1', kind: 'other', parentCode: 'NOPE' } });
    expect(parent.status).toBe(422);
    expect(parent.body.error.details).toEqual([{ field: 'parentCode', message: 'không có đơn vị mã NOPE' }]);
    const member = await stack.request('POST', '/api/agencies', {
      token: stack.adminToken,
      body: { code: 'NHOM1', name: 'Các huyện vùng cao', kind: 'group', members: ['H-BACYEN', 'H-NOPE', 'SBN'] },
    });
    expect(member.status).toBe(422);
    expect(member.body.error.details.map((d: { field: string }) => d.field)).toEqual(['members.1', 'members.2']);
    const notGroup = await stack.request('POST', '/api/agencies', { token: stack.adminToken, body: { code: 'X2', name: 'Đơn vị X2', kind: 'other', members: ['SNV'] } });
    expect(notGroup.status).toBe(422);
    expect(notGroup.body.error.details[0].field).toBe('members');
  });

  it('422 naming every invalid field, in Vietnamese', async () => {
    const res = await stack.request('POST', '/api/agencies', { token: stack.adminToken, body: { code: 'so tttt', name: '', kind: 'ministry', emails: ['not-an-email'] } });
    expect(res.status).toBe(422);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['code', 'emails.0', 'kind', 'name']);
    expect(res.body.error.details.find((d: { field: string }) => d.field === 'emails.0').message).toBe('phải là địa chỉ email');
  });

  it('creates a group with members that fans out on resolution', async () => {
    const res = await stack.request('POST', '/api/agencies', {
      token: stack.adminToken,
      body: { code: 'VUNGCAO', name: 'UBND các huyện vùng cao', kind: 'group', members: ['H-BACYEN', 'H-SOPCOP'], aliases: ['Các huyện vùng cao'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.members).toEqual(['H-BACYEN', 'H-SOPCOP']);
    const resolved = await stack.request('GET', `/api/agencies/resolve?name=${encodeURIComponent('Các huyện vùng cao')}`, { token: stack.adminToken });
    expect(resolved.body.agencies[0]).toMatchObject({ code: 'VUNGCAO', kind: 'group', members: ['H-BACYEN', 'H-SOPCOP'] });
  });
});

describe('PATCH /api/agencies/:code', () => {
  it('replaces aliases, emails and members', async () => {
    const res = await stack.request('PATCH', '/api/agencies/VUNGCAO', {
      token: stack.adminToken,
      body: { members: ['H-BACYEN', 'H-PHUYEN', 'H-MUONGLA'], aliases: ['Các huyện miền núi cao'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.members).toEqual(['H-BACYEN', 'H-MUONGLA', 'H-PHUYEN']);
    expect(res.body.aliases).toEqual(['Các huyện miền núi cao']);
    const emails = await stack.request('PATCH', '/api/agencies/SYT', { token: stack.adminToken, body: { emails: ['vanthu.syt@sonla.gov.vn', 'cntt.syt@sonla.gov.vn'], shortName: 'Sở YT' } });
    expect(emails.body).toMatchObject({ emails: ['vanthu.syt@sonla.gov.vn', 'cntt.syt@sonla.gov.vn'], shortName: 'Sở YT', name: 'Sở Y tế' });
    const resolved = await stack.request('GET', `/api/agencies/resolve?name=${encodeURIComponent('Sở YT, Các huyện vùng cao')}`, { token: coordinator });
    // The old alias is gone with the replacement.
    expect(resolved.body.agencies.map((a: { code: string }) => a.code)).toEqual(['SYT']);
    expect(resolved.body.unresolved.map((u: { text: string }) => u.text)).toEqual(['Các huyện vùng cao']);
  });

  it('409 for an alias of another agency, 404 for an unknown code, 422 for a code change, 403 for non-admins', async () => {
    const conflict = await stack.request('PATCH', '/api/agencies/SYT', { token: stack.adminToken, body: { aliases: ['VP UBND tỉnh'] } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.details[0]).toMatchObject({ field: 'aliases.0' });
    expect((await stack.request('PATCH', '/api/agencies/KHONGCO', { token: stack.adminToken, body: { name: 'X' } })).status).toBe(404);
    const code = await stack.request('PATCH', '/api/agencies/SYT', { token: stack.adminToken, body: { code: 'SYT2' } });
    expect(code.status).toBe(422);
    expect(code.body.error.details[0].field).toBe('code');
    expect((await stack.request('PATCH', '/api/agencies/SYT', { token: coordinator, body: { name: 'X' } })).status).toBe(403);
    const member = await stack.request('PATCH', '/api/agencies/VUNGCAO', { token: stack.adminToken, body: { members: ['KHONGCO'] } });
    expect(member.status).toBe(422);
    expect(member.body.error.details).toEqual([{ field: 'members.0', message: 'không có đơn vị mã KHONGCO' }]);
  });

  it('a group turned into a single agency loses its members', async () => {
    const res = await stack.request('PATCH', '/api/agencies/VUNGCAO', { token: stack.adminToken, body: { kind: 'other' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'other', members: [] });
  });
});

describe('GET /api/agencies/resolve', () => {
  it('splits a cell into agencies, vague phrases and unknown names with suggestions', async () => {
    const name = 'Sở TTTT, UBND các huyện, thành phố, Sở Tài chánh và các đơn vị liên quan';
    const res = await stack.request('GET', `/api/agencies/resolve?name=${encodeURIComponent(name)}`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.body.agencies.map((a: { code: string }) => a.code)).toEqual(['STTTT', 'HUYEN']);
    expect(res.body.vague).toEqual(['các đơn vị liên quan']);
    expect(res.body.unresolved).toEqual([{ text: 'Sở Tài chánh', suggestions: expect.arrayContaining(['Sở Tài chính']) }]);
  });

  it('gives each part of a labelled, counted cell with its level, count and members, and a note where they differ', async () => {
    const sbnMembers = agencySeed('son-la').groupMembers.filter((m) => m.groupCode === 'SBN').length;
    expect(sbnMembers).not.toBe(19);
    const name = 'Cấp tỉnh: 19 Sở, Ban, ngành\nCấp huyện: 12 UBND cấp huyện';
    const res = await stack.request('GET', `/api/agencies/resolve?name=${encodeURIComponent(name)}`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.body.agencies.map((a: { code: string }) => a.code)).toEqual(['SBN', 'HUYEN']);
    expect(res.body.parts).toEqual([
      { text: '19 Sở, Ban, ngành', level: 'Cấp tỉnh', status: 'agency', code: 'SBN', count: '19', memberCount: sbnMembers },
      { text: '12 UBND cấp huyện', level: 'Cấp huyện', status: 'agency', code: 'HUYEN', count: '12', memberCount: 12 },
    ]);
    expect(res.body.notes).toEqual([{ severity: 'warning', text: '19 Sở, Ban, ngành', message: expect.stringContaining(`có ${sbnMembers} thành viên`) }]);
    const doc = await stack.request('GET', '/api/openapi.json');
    const documented = JSON.stringify(doc.body.paths['/api/agencies/resolve'].get.responses['200']);
    for (const field of ['parts', 'notes', 'level', 'memberCount']) expect(documented).toContain(`"${field}"`);
  });

  it('is for coordinators and admins, and needs a name', async () => {
    expect((await stack.request('GET', '/api/agencies/resolve?name=STTTT', { token: agencyUser })).status).toBe(403);
    expect((await stack.request('GET', '/api/agencies/resolve?name=STTTT', { token: viewer })).status).toBe(403);
    const missing = await stack.request('GET', '/api/agencies/resolve', { token: coordinator });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0].field).toBe('query.name');
  });

  it('is documented in the OpenAPI document with its roles', async () => {
    const doc = await stack.request('GET', '/api/openapi.json');
    expect(doc.body.paths['/api/agencies/resolve'].get['x-roles']).toEqual(['coordinator', 'admin']);
    expect(doc.body.paths['/api/agencies'].post['x-roles']).toEqual(['admin']);
    expect(doc.body.paths['/api/agencies/{code}'].patch).toBeDefined();
  });
});
