import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AgencyDirectory, isVaguePhrase, normalizeAgencyName } from '../../domain/agencies';
import { agencySeed } from '../../db/seed/agencies';
import { planFixture, SON_LA, TAY_NINH } from '../helpers/plan-fixtures';


const sonLa = new AgencyDirectory(agencySeed('son-la'));
const tayNinh = new AgencyDirectory(agencySeed('tay-ninh'));

const codes = (dir: AgencyDirectory, text: string) => dir.resolveCell(text).agencies.map((a) => a.code);

describe('normalizeAgencyName', () => {
  const same = (a: string, b: string) => expect(normalizeAgencyName(a)).toBe(normalizeAgencyName(b));

  it('ignores case, diacritics placement, NFC/NFD, repeated spaces and trailing punctuation', () => {
    same('Sở Thông tin và Truyền thông', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    same('Sở Thông tin và Truyền thông', 'Sở Thông tin và Truyền thông'.normalize('NFD'));
    same('Sở Thông tin và Truyền thông', '  Sở   Thông tin  và Truyền thông. ');
    same('Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hoá, Thể thao và Du lịch');
    same('Tòa án nhân dân tỉnh', 'Toà án nhân dân tỉnh');
    expect(normalizeAgencyName('Sở Thông tin và Truyền thông')).toBe('so thong tin va truyen thong');
  });

  it('treats a combining mark typed after a space as part of the letter before it', () => {
    const spaced = 'Sở Tho\u0302 ng tin và Truyền thông'.replace('\u0302 ', ' \u0302');
    same('Sở Thông tin và Truyền thông', spaced);
  });

  it('reads "Sở." as "Sở" and keeps "&" abbreviations tight', () => {
    same('Sở.Thông tin và Truyền thông', 'Sở Thông tin và Truyền thông');
    same('Sở KH & ĐT', 'Sở KH&ĐT');
  });

  it('drops "liên quan", "tỉnh" and the province name at the end', () => {
    same('UBND các huyện, thành phố liên quan', 'UBND các huyện, thành phố');
    same('Công an tỉnh', 'Công an');
    same('Công an tỉnh Sơn La', 'Công an tỉnh');
    same('SỞ Y TẾ TỈNH TÂY NINH', 'Sở Y tế');
    // "Tỉnh ủy" is not a province name.
    expect(normalizeAgencyName('Văn phòng Tỉnh ủy')).toBe('vp tinh uy');
  });

  it('folds long forms to the abbreviations documents use', () => {
    same('Ủy ban nhân dân tỉnh', 'UBND tỉnh');
    same('Văn phòng UBND tỉnh', 'VP UBND tỉnh');
    same('UBND thành phố Sơn La', 'UBND TP. Sơn La');
    same('UBND các huyện, thành phố', 'UBND các huyện thành phố');
  });
});

describe('AgencyDirectory.resolve', () => {
  it('resolves names, short names, aliases and codes', () => {
    for (const name of ['Sở Thông tin và Truyền thông', 'Sở TTTT', 'Sở TT&TT', 'STTTT', 'Sở.Thông tin và Truyền thông']) {
      expect(sonLa.resolve(name)?.code, name).toBe('STTTT');
    }
    expect(sonLa.resolve('VP UBND tỉnh')?.code).toBe('VPUBND');
    expect(sonLa.resolve('Văn phòng UBND tỉnh')?.code).toBe('VPUBND');
    expect(sonLa.resolve('Sở LĐ-TBXH')?.code).toBe('SLDTBXH');
    expect(sonLa.resolve('Sở LĐTBXH')?.code).toBe('SLDTBXH');
    expect(sonLa.resolve('Sở KH&ĐT')?.code).toBe('SKHDT');
    expect(sonLa.resolve('Sở KHĐT')?.code).toBe('SKHDT');
    expect(sonLa.resolve('Sở KH&CN')?.code).toBe('SKHCN');
    expect(sonLa.resolve('Sở VHTTDL')?.code).toBe('SVHTTDL');
    expect(sonLa.resolve('Sở NN&PTNT')?.code).toBe('SNNPTNT');
    expect(sonLa.resolve('Sở TN&MT')?.code).toBe('STNMT');
    expect(sonLa.resolve('Sở GD&ĐT')?.code).toBe('SGDDT');
    expect(sonLa.resolve('Sở GTVT')?.code).toBe('SGTVT');
    expect(sonLa.resolve('Đài PT-TH tỉnh')?.code).toBe('DPTTH');
    expect(sonLa.resolve('Sở Không Tồn Tại')).toBeUndefined();
  });

  it('knows the abbreviations documents use', () => {
    const expected: Record<string, string> = {
      'Sở TTTT': 'STTTT',
      'Sở TT&TT': 'STTTT',
      STTTT: 'STTTT',
      'VP UBND tỉnh': 'VPUBND',
      'Văn phòng UBND tỉnh': 'VPUBND',
      'Sở LĐ-TBXH': 'SLDTBXH',
      'Sở LĐTBXH': 'SLDTBXH',
      'Sở KH&ĐT': 'SKHDT',
      'Sở KHĐT': 'SKHDT',
      'Sở KH&CN': 'SKHCN',
      'Sở VHTTDL': 'SVHTTDL',
      'Sở NN&PTNT': 'SNNPTNT',
      'Sở TN&MT': 'STNMT',
      'Sở GD&ĐT': 'SGDDT',
      'Sở GTVT': 'SGTVT',
      'UBND các huyện thành phố': 'HUYEN',
      'UBND huyện, thành phố': 'HUYEN',
      'các sở, ngành': 'SBN',
      'Các sở, ban, ngành tỉnh': 'SBN',
      'UBND cấp xã': 'XA',
      'Viện KSND tỉnh': 'VKSND',
      'Bộ CHQS tỉnh': 'BCHQS',
    };
    for (const [alias, code] of Object.entries(expected)) expect(sonLa.resolve(alias)?.code, alias).toBe(code);
    // Tây Ninh's merged office answers to the names of the UBND office too.
    expect(tayNinh.resolve('VP UBND tỉnh')?.code).toBe('VP-DBQH-HDND-UBND');
    expect(tayNinh.resolve('UBND huyện Hòa Thành')?.code).toBe('TX-HOATHANH');
  });

  it('gives a group with its members; a group without members leads itself', () => {
    const districts = sonLa.resolve('UBND các huyện, thành phố')!;
    expect(districts).toMatchObject({ code: 'HUYEN', kind: 'group' });
    expect(districts.members).toHaveLength(12);
    expect(districts.members).toContain('TP-SONLA');
    expect(tayNinh.resolve('UBND các huyện, thành phố')!.members).toHaveLength(9);
    const departments = sonLa.resolve('Các sở, ban, ngành')!;
    expect(departments.members).toEqual(expect.arrayContaining(['STTTT', 'SNV', 'VPUBND', 'TTT', 'BDT']));
    expect(departments.members).not.toContain('CAT');
    expect(sonLa.resolve('UBND các xã, phường, thị trấn')).toMatchObject({ code: 'XA', kind: 'group', members: [] });
  });

  it('follows a merger to the agency that carries on, and drops merged members from groups', () => {
    const dir = new AgencyDirectory({
      agencies: [
        { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', kind: 'department', active: false, mergedInto: 'STC' },
        { code: 'STC', name: 'Sở Tài chính', shortName: 'Sở TC', kind: 'department' },
        { code: 'SBN', name: 'Các sở, ban, ngành', shortName: 'Các sở, ban, ngành', kind: 'group' },
      ],
      aliases: [{ alias: 'Sở KHĐT', agencyCode: 'SKHDT' }],
      groupMembers: [
        { groupCode: 'SBN', memberCode: 'SKHDT' },
        { groupCode: 'SBN', memberCode: 'STC' },
      ],
    });
    expect(dir.resolve('Sở KHĐT')).toMatchObject({ code: 'STC', name: 'Sở Tài chính' });
    expect(dir.resolve('Các sở, ban, ngành')!.members).toEqual(['STC']);
  });
});

describe('AgencyDirectory.resolveCell', () => {
  it('splits multi-agency cells, matching the longest known names across commas', () => {
    expect(codes(sonLa, 'Sở TTTT, UBND các huyện, thành phố')).toEqual(['STTTT', 'HUYEN']);
    expect(codes(sonLa, 'VP UBND tỉnh, Công an tỉnh, Tòa án nhân dân tỉnh, UBND các huyện thành phố')).toEqual(['VPUBND', 'CAT', 'TAND', 'HUYEN']);
    expect(codes(sonLa, 'Các sở, ban, ngành, UBND các huyện, thành phố, UBND các xã phường, thị trấn.')).toEqual(['SBN', 'HUYEN', 'XA']);
    expect(codes(sonLa, 'VP UBND tỉnh, các sở, ngành, UBND các huyện thành phố')).toEqual(['VPUBND', 'SBN', 'HUYEN']);
    expect(codes(sonLa, 'Sở Văn hóa, Thể thao và Du lịch; Sở Y tế')).toEqual(['SVHTTDL', 'SYT']);
    expect(codes(tayNinh, 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh')).toEqual(['VP-DBQH-HDND-UBND']);
  });

  it('splits on "và" only where both sides are names', () => {
    expect(codes(sonLa, 'Sở Tài chính và Sở KH&ĐT')).toEqual(['STC', 'SKHDT']);
    expect(codes(sonLa, 'Sở Khoa học và Công nghệ')).toEqual(['SKHCN']);
    const r = tayNinh.resolveCell('UBND các huyện, thành phố và các đơn vị liên quan');
    expect(r.agencies.map((a) => a.code)).toEqual(['HUYEN']);
    expect(r.vague).toEqual(['các đơn vị liên quan']);
    expect(r.unresolved).toEqual([]);
  });

  it('recognises vague phrases: no agency, not an error', () => {
    for (const phrase of ['Các cơ quan liên quan', 'Các đơn vị liên quan', 'Các cơ quan đơn vị liên quan', 'các cơ quan, đơn vị liên quan', 'Các tổ chức, cá nhân có liên quan']) {
      expect(isVaguePhrase(phrase), phrase).toBe(true);
      expect(tayNinh.resolveCell(phrase)).toEqual({ agencies: [], vague: [phrase], unresolved: [] });
    }
    expect(isVaguePhrase('Các sở, ban, ngành')).toBe(false);
    expect(isVaguePhrase('Sở Tài chính')).toBe(false);
  });

  it('reports unknown names with up to 3 suggestions, and still resolves the rest of the cell', () => {
    const r = sonLa.resolveCell('Sở Thông tin Truyền thôngg, Sở Tài chánh, Công an tỉnh');
    expect(r.agencies.map((a) => a.code)).toEqual(['CAT']);
    expect(r.unresolved.map((u) => u.text)).toEqual(['Sở Thông tin Truyền thôngg', 'Sở Tài chánh']);
    expect(r.unresolved[0]!.suggestions[0]).toBe('Sở Thông tin và Truyền thông');
    expect(r.unresolved[1]!.suggestions[0]).toBe('Sở Tài chính');
    for (const u of r.unresolved) expect(u.suggestions.length).toBeLessThanOrEqual(3);
    expect(sonLa.resolveCell('Bộ Quốc phòng Hoa Kỳ').unresolved[0]).toEqual({ text: 'Bộ Quốc phòng Hoa Kỳ', suggestions: [] });
  });

  it('resolves every lead and coordinating text of both fixtures against its province', () => {
    const cases: [typeof SON_LA | typeof TAY_NINH, AgencyDirectory, string[]][] = [
      [SON_LA, sonLa, ['Đơn vị chủ trì triển khai']],
      [TAY_NINH, tayNinh, ['Cơ quan chủ trì', 'Cơ quan phối hợp']],
    ];
    for (const [file, dir, headers] of cases) {
      const rows = parse(planFixture(file), { columns: true }) as Record<string, string>[];
      for (const h of headers) {
        const texts = [...new Set(rows.map((r) => r[h]!).filter(Boolean))];
        expect(texts.length).toBeGreaterThan(0);
        for (const text of texts) {
          const r = dir.resolveCell(text);
          expect(r.unresolved, `${file}: ${text}`).toEqual([]);
          if (h !== 'Cơ quan phối hợp') expect(r.agencies.length, `${file}: ${text}`).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('seed directories', () => {
  it('have unique codes and aliases that each lead to one agency', () => {
    for (const province of ['son-la', 'tay-ninh', 'generic'] as const) {
      const seed = agencySeed(province);
      const codeSet = new Set(seed.agencies.map((a) => a.code));
      expect(codeSet.size).toBe(seed.agencies.length);
      expect(new Set(seed.aliases.map((a) => a.normalized)).size).toBe(seed.aliases.length);
      for (const m of seed.groupMembers) {
        expect(codeSet.has(m.groupCode) && codeSet.has(m.memberCode)).toBe(true);
      }
      const dir = new AgencyDirectory(seed);
      for (const a of seed.agencies) {
        expect(dir.resolve(a.name)?.code, a.name).toBe(a.code);
        for (const alias of a.aliases) expect(dir.resolve(alias)?.code, alias).toBe(a.code);
      }
    }
  });

  it('list the districts of each province before 2025', () => {
    const districts = (p: 'son-la' | 'tay-ninh') => agencySeed(p).agencies.filter((a) => a.kind === 'district').map((a) => a.name);
    expect(districts('son-la')).toHaveLength(12);
    expect(districts('son-la')).toEqual(expect.arrayContaining(['UBND thành phố Sơn La', 'UBND huyện Mộc Châu', 'UBND huyện Vân Hồ', 'UBND huyện Sốp Cộp']));
    expect(districts('tay-ninh')).toHaveLength(9);
    expect(districts('tay-ninh')).toEqual(expect.arrayContaining(['UBND thành phố Tây Ninh', 'UBND thị xã Hòa Thành', 'UBND thị xã Trảng Bàng', 'UBND huyện Bến Cầu']));
    expect(agencySeed('generic').groupMembers.filter((m) => m.groupCode === 'HUYEN')).toEqual([]);
  });
});
