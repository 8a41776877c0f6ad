/**
 * The pure parts of accounts: the province's claims read into a role (OIDC_ROLE_MAP, nested and
 * list-valued claims), the audit log's change summaries, and the sign-in link's mail.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, changedFields, summaryText } from '../../domain/audit';
import { renderSignInMail } from '../../domain/mail';
import { claimValues, mapRole, parseRoleMap } from '../../domain/oidc-claims';

describe('claims to role', () => {
  const map = parseRoleMap('giaoviec-quantri=admin, giaoviec-theodoi=coordinator,,giaoviec-donvi=agency');

  it('parses value=role pairs in order, skipping empty entries; a value may itself hold "="', () => {
    expect(map).toEqual([
      ['giaoviec-quantri', 'admin'],
      ['giaoviec-theodoi', 'coordinator'],
      ['giaoviec-donvi', 'agency'],
    ]);
    expect(parseRoleMap('ou=giaoviec-lanhdao=viewer')).toEqual([['ou=giaoviec-lanhdao', 'viewer']]);
    expect(parseRoleMap('')).toEqual([]);
    expect(() => parseRoleMap('giaoviec-quantri')).toThrow('"giaoviec-quantri" is not value=role');
    expect(() => parseRoleMap('=admin')).toThrow('is not value=role');
    expect(() => parseRoleMap('x=root')).toThrow('the role must be one of admin, coordinator, agency, viewer');
  });

  it('reads a claim as a string, a list, or nested (Keycloak’s realm_access.roles), or a whole dotted name', () => {
    const claims = { groups: ['a', 7, ' giaoviec-donvi ', ''], role: 'giaoviec-theodoi', realm_access: { roles: ['giaoviec-quantri'] }, 'https://sonla.gov.vn/donvi': 'STTTT', blank: '  ' };
    expect(claimValues(claims, 'groups')).toEqual(['a', 'giaoviec-donvi']);
    expect(claimValues(claims, 'role')).toEqual(['giaoviec-theodoi']);
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['giaoviec-quantri']);
    expect(claimValues(claims, 'https://sonla.gov.vn/donvi')).toEqual(['STTTT']);
    expect(claimValues(claims, 'blank')).toEqual([]);
    expect(claimValues(claims, 'missing.deeper')).toEqual([]);
  });

  it('the first mapped value in the map’s order wins; nothing mapped, no role', () => {
    expect(mapRole(['giaoviec-donvi', 'giaoviec-quantri'], map)).toBe('admin');
    expect(mapRole(['giaoviec-donvi'], map)).toBe('agency');
    expect(mapRole(['nhan-vien'], map)).toBeUndefined();
    expect(mapRole([], [])).toBeUndefined();
  });
});

describe('audit summaries', () => {
  it('keeps only the fields that changed, each side with its value (missing counts as null)', () => {
    expect(changedFields({ name: 'Sở TTTT', aliases: ['Sở TT&TT'], emails: [] }, { name: 'Sở TTTT', aliases: ['Sở TT&TT', 'STTTT'], emails: [], kind: 'department' })).toEqual({
      before: { aliases: ['Sở TT&TT'], kind: null },
      after: { aliases: ['Sở TT&TT', 'STTTT'], kind: 'department' },
    });
    expect(changedFields({ settings: { a: 1 } }, { settings: { a: 1 } })).toEqual({ before: {}, after: {} });
  });

  it('as one line for a spreadsheet cell', () => {
    expect(summaryText({ status: 'disabled', aliases: ['Sở TT&TT'] })).toBe('status: disabled; aliases: ["Sở TT&TT"]');
    expect(summaryText(null)).toBe('');
  });
});

describe('the sign-in mail', () => {
  const url = 'https://giaoviec.sonla.gov.vn/signin#link=abc.def.ghi';

  it('in Vietnamese: the button, until when, once, what to do if one did not ask', () => {
    const mail = renderSignInMail({ language: 'vi', name: 'Nguyễn Thị Văn Thư', url, expiresAt: '09:15 ngày 29/11/2026' });
    expect(mail.subject).toBe('[Giao việc] Liên kết đăng nhập');
    expect(mail.text).toContain('Kính gửi: Nguyễn Thị Văn Thư,');
    expect(mail.text).toContain(`Đăng nhập Giao việc: ${url}`);
    expect(mail.text).toContain('Liên kết có hiệu lực đến 09:15 ngày 29/11/2026 và chỉ dùng được một lần.');
    expect(mail.text).toContain('hãy bỏ qua thư này');
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain('lang="vi"');
  });

  it('in English, and the name escaped in HTML', () => {
    const mail = renderSignInMail({ language: 'en', name: '<b>Lò Văn A</b>', url, expiresAt: '09:15 on 29/11/2026' });
    expect(mail.subject).toBe('[Giao việc] Your sign-in link');
    expect(mail.text).toContain('The link works until 09:15 on 29/11/2026, once.');
    expect(mail.html).not.toContain('<b>Lò');
    expect(mail.html).toContain('&lt;b&gt;Lò Văn A&lt;/b&gt;');
  });
});

describe('the audit log’s words', () => {
  it('the UI names every action as the exports do, in both languages', async () => {
    const { messages } = await import('../../web/src/lib/messages');
    for (const lang of ['vi', 'en'] as const) {
      for (const action of AUDIT_ACTIONS) expect(messages[lang][`audit.action.${action}` as keyof (typeof messages)['vi']], `${lang} ${action}`).toBe(AUDIT_ACTION_LABELS[lang][action]);
    }
  });
});
