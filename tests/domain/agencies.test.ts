import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AgencyDirectory, isVaguePhrase, normalizeAgencyName } from '../../domain/agencies';
import { agencySeed } from '../../db/seed/agencies';
import { planFixture, SON_LA, TAY_NINH } from '../helpers/plan-fixtures';


const sonLa = new AgencyDirectory(agencySeed('son-la'));
const tayNinh = new AgencyDirectory(agencySeed('tay-ninh'));
const generic = new AgencyDirectory(agencySeed('generic'));

/** How many members a group has in a seed directory. */
const memberCount = (province: 'son-la' | 'tay-ninh' | 'generic', group: string) =>
  agencySeed(province).groupMembers.filter((m) => m.groupCode === group).length;

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

  it('drops a province name that closes a name, with or without "tỉnh", but not a district\'s', () => {
    same('Viettel Vĩnh Long', 'Viettel tỉnh');
    same('VNPT Vĩnh Long', 'VNPT');
    same('Chi nhánh Viettel Quảng Ngãi', 'Chi nhánh Viettel tỉnh');
    same('VNPT Bà Rịa - Vũng Tàu', 'VNPT tỉnh');
    same('Bưu điện tỉnh Đắk Lắk', 'Bưu điện tỉnh');
    same('Cục Thuế tỉnh Vĩnh Long', 'Cục Thuế');
    same('công an tỉnh vĩnh long', 'Công an tỉnh');
    same('Văn phòng Tỉnh ủy Vĩnh Long', 'Văn phòng Tỉnh ủy');
    same('Sở Y tế TP Hồ Chí Minh', 'Sở Y tế');
    same('Sở Y tế thành phố Đà Nẵng', 'Sở Y tế');
    same('Các cơ quan báo chí trên địa bàn tỉnh', 'Các cơ quan báo chí');
    // A city, district or town named like a province keeps its name; so does a name that is only a province.
    expect(normalizeAgencyName('UBND thành phố Sơn La')).toBe('ubnd tp son la');
    expect(normalizeAgencyName('Thành phố Tây Ninh')).toBe('tp tay ninh');
    expect(normalizeAgencyName('UBND huyện Phù Yên')).toBe('ubnd huyen phu yen');
    expect(normalizeAgencyName('Vĩnh Long')).toBe('vinh long');
    // "Hồ Chí Minh" is a city only after "thành phố".
    expect(normalizeAgencyName('Đoàn TNCS Hồ Chí Minh')).toBe('doan tncs ho chi minh');
    expect(normalizeAgencyName('Viettel Bình Liêu')).toBe('viettel binh lieu');
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
      expect(tayNinh.resolveCell(phrase)).toEqual({ agencies: [], vague: [phrase], unresolved: [], parts: [{ text: phrase, status: 'vague' }], notes: [] });
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

describe('AgencyDirectory.resolveCell: how other provinces write a cell', () => {
  it('splits a list of counts and groups at the count, keeping "Sở, Ban, ngành" whole', () => {
    const r = generic.resolveCell('19 Sở, Ban, ngành, 09 UBND cấp huyện');
    expect(r.agencies.map((a) => a.code)).toEqual(['SBN', 'HUYEN']);
    expect(r.agencies.map((a) => a.text)).toEqual(['19 Sở, Ban, ngành', '09 UBND cấp huyện']);
    expect(r.unresolved).toEqual([]);
    expect(r.parts).toEqual([
      { text: '19 Sở, Ban, ngành', status: 'agency', code: 'SBN', count: '19', memberCount: memberCount('generic', 'SBN') },
      { text: '09 UBND cấp huyện', status: 'agency', code: 'HUYEN', count: '09', memberCount: 0 },
    ]);
    // The group with members fans out to each of them; the generic district group has none and leads itself.
    expect(r.agencies[0]!.members).toHaveLength(memberCount('generic', 'SBN'));
    expect(r.agencies[1]!.members).toEqual([]);
  });

  it('warns when the count written differs from the members the directory lists, and only then', () => {
    const sbn = memberCount('generic', 'SBN');
    expect(sbn).not.toBe(19);
    const r = generic.resolveCell('19 Sở, Ban, ngành, 09 UBND cấp huyện');
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]).toMatchObject({ severity: 'warning', text: '19 Sở, Ban, ngành' });
    expect(r.notes[0]!.message).toContain('ghi 19 đơn vị');
    expect(r.notes[0]!.message).toContain(`có ${sbn} thành viên`);
    expect(r.notes[1]).toMatchObject({ severity: 'warning', text: '09 UBND cấp huyện' });
    expect(r.notes[1]!.message).toContain('chưa có thành viên');

    // Sơn La lists its 12 districts: "12 UBND cấp huyện" adds up, so nothing to say.
    const exact = sonLa.resolveCell(`${memberCount('son-la', 'SBN')} sở, ban, ngành tỉnh; 12 UBND cấp huyện`);
    expect(exact.agencies.map((a) => a.code)).toEqual(['SBN', 'HUYEN']);
    expect(exact.parts.map((p) => [p.count, p.memberCount])).toEqual([[String(memberCount('son-la', 'SBN')), memberCount('son-la', 'SBN')], ['12', 12]]);
    expect(exact.notes).toEqual([]);

    // The count may also close the name in brackets.
    const bracketed = sonLa.resolveCell('Các sở, ban, ngành (19 đơn vị), UBND các huyện, thành phố (12 huyện)');
    expect(bracketed.agencies.map((a) => a.code)).toEqual(['SBN', 'HUYEN']);
    expect(bracketed.parts.map((p) => p.count)).toEqual(['19', '12']);
    expect(bracketed.notes.map((n) => n.text)).toEqual(['Các sở, ban, ngành (19 đơn vị)']);

    // A single agency counted as several is worth a word too; counted as one it is not.
    expect(generic.resolveCell('02 Sở Tài chính').notes[0]!.message).toContain('là một đơn vị');
    expect(generic.resolveCell('01 Sở Tài chính').notes).toEqual([]);
  });

  it('reports an unknown counted name with suggestions for the name without its count', () => {
    const r = generic.resolveCell('03 Sở Tài chánh, 09 UBND cấp huyện');
    expect(r.agencies.map((a) => a.code)).toEqual(['HUYEN']);
    expect(r.unresolved).toHaveLength(1);
    expect(r.unresolved[0]!.text).toBe('03 Sở Tài chánh');
    expect(r.unresolved[0]!.suggestions[0]).toBe('Sở Tài chính');
    expect(r.parts.map((p) => p.status)).toEqual(['unresolved', 'agency']);
  });

  it('cuts a level-labelled cell at its labels, however the lines are set out', () => {
    const wordings = [
      // As the importer reads a cell: line breaks become spaces.
      'Cấp tỉnh: Sở Thông tin và Truyền thông Cấp huyện: UBND cấp huyện',
      'Cấp tỉnh: Sở Thông tin và Truyền thông\nCấp huyện: UBND cấp huyện',
      'Cấp tỉnh: Sở Thông tin và Truyền thông; Cấp huyện: UBND cấp huyện',
      '- Cấp tỉnh: Sở Thông tin và Truyền thông\n- Cấp huyện: UBND cấp huyện',
      '- Cấp tỉnh: Sở TTTT. - Cấp huyện: UBND cấp huyện.',
      'CẤP TỈNH: Sở TTTT CẤP HUYỆN: UBND cấp huyện',
      'cấp tỉnh : Sở TTTT, cấp huyện : UBND cấp huyện',
      'Ở cấp tỉnh: Sở TTTT; ở cấp huyện: UBND cấp huyện',
    ];
    for (const text of wordings) {
      const r = generic.resolveCell(text);
      expect(r.agencies.map((a) => a.code), text).toEqual(['STTTT', 'HUYEN']);
      expect(r.unresolved, text).toEqual([]);
      expect(r.parts.map((p) => p.level?.toLowerCase()), text).toEqual(['cấp tỉnh', 'cấp huyện']);
    }
    expect(generic.resolveCell(wordings[0]!).parts).toEqual([
      { text: 'Sở Thông tin và Truyền thông', level: 'Cấp tỉnh', status: 'agency', code: 'STTTT' },
      { text: 'UBND cấp huyện', level: 'Cấp huyện', status: 'agency', code: 'HUYEN', memberCount: 0 },
    ]);
  });

  it('resolves every part of a three-level cell, several names per level', () => {
    const r = generic.resolveCell(
      'Cấp tỉnh: Sở TTTT, Sở Tài chính, Văn phòng Tỉnh ủy\nCấp huyện: UBND các huyện, thị xã, thành phố\nCấp xã: UBND các xã, phường, thị trấn',
    );
    expect(r.agencies.map((a) => a.code)).toEqual(['STTTT', 'STC', 'VPTU', 'HUYEN', 'XA']);
    expect(r.parts.map((p) => [p.level, p.text])).toEqual([
      ['Cấp tỉnh', 'Sở TTTT'],
      ['Cấp tỉnh', 'Sở Tài chính'],
      ['Cấp tỉnh', 'Văn phòng Tỉnh ủy'],
      ['Cấp huyện', 'UBND các huyện, thị xã, thành phố'],
      ['Cấp xã', 'UBND các xã, phường, thị trấn'],
    ]);
    // Labels and counts together.
    const counted = generic.resolveCell('Cấp tỉnh: 19 Sở, Ban, ngành; Cấp huyện: 09 UBND cấp huyện');
    expect(counted.parts.map((p) => [p.level, p.code, p.count])).toEqual([
      ['Cấp tỉnh', 'SBN', '19'],
      ['Cấp huyện', 'HUYEN', '09'],
    ]);
  });

  it('keeps a label-like name whole, and an unknown name in a labelled part is still reported', () => {
    // No colon: "cấp huyện" is part of the name.
    expect(generic.resolveCell('UBND cấp huyện').parts).toEqual([{ text: 'UBND cấp huyện', status: 'agency', code: 'HUYEN', memberCount: 0 }]);
    const r = generic.resolveCell('Cấp tỉnh: Sở Tài chánh Cấp huyện: UBND cấp huyện');
    expect(r.agencies.map((a) => a.code)).toEqual(['HUYEN']);
    expect(r.unresolved.map((u) => u.text)).toEqual(['Sở Tài chánh']);
    expect(r.unresolved[0]!.suggestions[0]).toBe('Sở Tài chính');
    expect(r.parts[0]).toEqual({ text: 'Sở Tài chánh', level: 'Cấp tỉnh', status: 'unresolved' });
  });

  it('resolves the bodies every province has and the usual group phrasings in the generic directory', () => {
    const expected: Record<string, string> = {
      'Văn phòng Tỉnh ủy': 'VPTU',
      'VP Tỉnh ủy': 'VPTU',
      'Trung tâm Phục vụ hành chính công': 'TTPVHCC',
      'Trung tâm Phục vụ hành chính công tỉnh': 'TTPVHCC',
      'Trung tâm Hành chính công tỉnh': 'TTPVHCC',
      'Trung tâm Hành chính công tỉnh Vĩnh Long': 'TTPVHCC',
      'Cục Thuế': 'CTHUE',
      'Cục Thuế tỉnh': 'CTHUE',
      'Cục Thuế tỉnh Vĩnh Long': 'CTHUE',
      'Viettel tỉnh': 'VIETTEL',
      'Viettel Vĩnh Long': 'VIETTEL',
      'Chi nhánh Viettel tỉnh': 'VIETTEL',
      'Chi nhánh Viettel Vĩnh Long': 'VIETTEL',
      'VNPT tỉnh': 'VNPT',
      'VNPT Vĩnh Long': 'VNPT',
      'Viễn thông Vĩnh Long': 'VNPT',
      'Bưu điện tỉnh': 'BUUDIEN',
      'Bưu điện tỉnh Vĩnh Long': 'BUUDIEN',
      'Báo Vĩnh Long': 'BAO',
      'Đài Phát thanh và Truyền hình Vĩnh Long': 'DPTTH',
      'các cơ quan thông tấn, báo chí': 'BAOCHI',
      'Các cơ quan báo chí trên địa bàn tỉnh': 'BAOCHI',
      'các Sở, ban, ngành tỉnh': 'SBN',
      'Sở, ban, ngành': 'SBN',
      'UBND cấp huyện': 'HUYEN',
      'UBND các huyện, thị xã, thành phố': 'HUYEN',
      'UBND cấp xã': 'XA',
      'các doanh nghiệp viễn thông': 'DNVT',
      'Các doanh nghiệp viễn thông trên địa bàn tỉnh': 'DNVT',
      'Các doanh nghiệp bưu chính, viễn thông': 'DNBCVT',
      'Ủy ban MTTQ Việt Nam tỉnh': 'MTTQ',
      'Tỉnh Đoàn': 'TDOAN',
      'Hội LHPN tỉnh': 'HLHPN',
      'Ngân hàng Nhà nước chi nhánh tỉnh Vĩnh Long': 'NHNN',
    };
    for (const [text, code] of Object.entries(expected)) {
      const r = generic.resolveCell(text);
      expect(r.agencies.map((a) => a.code), text).toEqual([code]);
      expect(r.unresolved, text).toEqual([]);
    }
  });

  it('gives the press and telecom groups their members', () => {
    for (const dir of [generic, sonLa, tayNinh]) {
      expect(dir.resolve('các cơ quan thông tấn, báo chí')!.members).toEqual(['DPTTH', 'BAO']);
      expect(dir.resolve('các doanh nghiệp viễn thông')!.members).toEqual(['VIETTEL', 'VNPT', 'MOBIFONE']);
      expect(dir.resolve('các doanh nghiệp bưu chính, viễn thông')!.members).toEqual(['VIETTEL', 'VNPT', 'MOBIFONE', 'BUUDIEN']);
      // Neither the Party office nor the service centre is one of the sở, ban, ngành.
      expect(dir.resolve('Các sở, ban, ngành')!.members).not.toEqual(expect.arrayContaining(['VPTU']));
      expect(dir.resolve('Các sở, ban, ngành')!.members).not.toEqual(expect.arrayContaining(['TTPVHCC']));
    }
    expect(sonLa.resolve('Viettel Sơn La')).toMatchObject({ code: 'VIETTEL', name: 'Viettel Sơn La' });
    expect(tayNinh.resolve('VNPT Tây Ninh')).toMatchObject({ code: 'VNPT', name: 'VNPT Tây Ninh' });
    expect(tayNinh.resolve('Bưu điện tỉnh')).toMatchObject({ code: 'BUUDIEN', name: 'Bưu điện tỉnh Tây Ninh' });
    expect(sonLa.resolve('Báo tỉnh')).toMatchObject({ code: 'BAO', name: 'Báo Sơn La' });
  });

  it('leaves plain lists, comma names and unknown names as they were', () => {
    const plain = generic.resolveCell('Sở Tài chính, Sở Xây dựng');
    expect(plain.agencies.map((a) => a.code)).toEqual(['STC', 'SXD']);
    expect(plain.parts).toEqual([
      { text: 'Sở Tài chính', status: 'agency', code: 'STC' },
      { text: 'Sở Xây dựng', status: 'agency', code: 'SXD' },
    ]);
    expect(plain.notes).toEqual([]);
    expect(codes(tayNinh, 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh')).toEqual(['VP-DBQH-HDND-UBND']);
    expect(codes(generic, 'Sở TTTT, UBND các huyện, thành phố')).toEqual(['STTTT', 'HUYEN']);
    const unknown = generic.resolveCell('Sở Thông tin Truyền thôngg, Viettel Vĩnh Long');
    expect(unknown.agencies.map((a) => a.code)).toEqual(['VIETTEL']);
    expect(unknown.unresolved.map((u) => u.text)).toEqual(['Sở Thông tin Truyền thôngg']);
    expect(unknown.unresolved[0]!.suggestions[0]).toBe('Sở Thông tin và Truyền thông');
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
