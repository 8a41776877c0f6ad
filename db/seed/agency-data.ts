/**
 * Seed agency directories of a province as it was organised before the 2025 reorganisation (the plan
 * fixtures date from 2019–2020): the sở, ban, ngành, the province's offices, the agencies of the
 * central ministries in the province (ngành dọc), the mass organisations, press, telecom and postal
 * enterprises that appendices also give tasks to, the districts, and the groups documents name
 * ("Các sở, ban, ngành", "UBND các huyện, thành phố", "UBND các xã, phường, thị trấn", "Các cơ quan
 * thông tấn, báo chí", "Các doanh nghiệp viễn thông").
 */
export const SEED_PROVINCES = ['son-la', 'tay-ninh', 'generic'] as const;
export type SeedProvince = (typeof SEED_PROVINCES)[number];

export interface Entry {
  code: string;
  name: string;
  shortName?: string;
  /** Local part of the clerk's (văn thư) mailbox. */
  mailbox?: string;
  aliases?: string[];
}

export const DEPARTMENTS: Entry[] = [
  { code: 'SNV', name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV'] },
  { code: 'STP', name: 'Sở Tư pháp', aliases: ['STP'] },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', aliases: ['Sở KHĐT', 'Sở KH và ĐT', 'SKHĐT', 'SKH&ĐT'] },
  { code: 'STC', name: 'Sở Tài chính', aliases: ['STC', 'Sở TC'] },
  { code: 'SCT', name: 'Sở Công Thương', aliases: ['SCT', 'Sở CT'] },
  {
    code: 'SNNPTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortName: 'Sở NN&PTNT',
    aliases: ['Sở NNPTNT', 'Sở Nông nghiệp và PTNT', 'Sở NN và PTNT', 'SNN&PTNT', 'SNNPTNT'],
  },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', shortName: 'Sở GTVT', aliases: ['SGTVT', 'Sở GT-VT', 'Sở GT&VT'] },
  { code: 'SXD', name: 'Sở Xây dựng', aliases: ['SXD', 'Sở XD'] },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', shortName: 'Sở TN&MT', aliases: ['Sở TNMT', 'STNMT', 'Sở TN và MT', 'STN&MT'] },
  {
    code: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    shortName: 'Sở TT&TT',
    aliases: ['Sở TTTT', 'STTTT', 'Sở TT và TT', 'STT&TT', 'Sở Thông tin - Truyền thông'],
  },
  {
    code: 'SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TBXH',
    aliases: ['Sở LĐTBXH', 'Sở LĐ-TB&XH', 'Sở LĐTB&XH', 'SLĐTBXH', 'Sở LĐ, TB&XH'],
  },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'Sở VHTTDL',
    aliases: ['Sở VH,TT&DL', 'Sở VHTT&DL', 'Sở VH-TT-DL', 'SVHTTDL', 'Sở VH, TT và DL'],
  },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', aliases: ['Sở KHCN', 'SKHCN', 'Sở KH và CN', 'SKH&CN'] },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', aliases: ['Sở GDĐT', 'SGDĐT', 'Sở GD và ĐT', 'SGD&ĐT'] },
  { code: 'SYT', name: 'Sở Y tế', aliases: ['SYT'] },
  { code: 'SNGV', name: 'Sở Ngoại vụ', aliases: ['SNgV', 'Sở NgV'] },
  { code: 'TTT', name: 'Thanh tra tỉnh', aliases: ['Thanh tra'] },
  { code: 'BDT', name: 'Ban Dân tộc tỉnh', shortName: 'Ban Dân tộc', aliases: ['BDT'] },
];

export const VERTICAL: Entry[] = [
  { code: 'CAT', name: 'Công an tỉnh', aliases: ['CA tỉnh', 'Công an'] },
  { code: 'TAND', name: 'Tòa án nhân dân tỉnh', shortName: 'TAND tỉnh', aliases: ['Tòa án tỉnh'] },
  { code: 'VKSND', name: 'Viện Kiểm sát nhân dân tỉnh', shortName: 'VKSND tỉnh', aliases: ['Viện KSND tỉnh'] },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh', shortName: 'Bộ CHQS tỉnh', aliases: ['BCH Quân sự tỉnh', 'BCHQS tỉnh'] },
  {
    code: 'BDBP',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    shortName: 'BĐBP tỉnh',
    aliases: ['Bộ CHBĐBP tỉnh', 'BCH BĐBP tỉnh', 'Bộ đội Biên phòng tỉnh'],
  },
  { code: 'KBNN', name: 'Kho bạc Nhà nước tỉnh', shortName: 'KBNN tỉnh', aliases: ['Kho bạc nhà nước'] },
  // Since 2025 "Thuế tỉnh …"; a name with the province after it ("Cục Thuế tỉnh Vĩnh Long") folds to this.
  { code: 'CTHUE', name: 'Cục Thuế tỉnh', aliases: ['Cục Thuế', 'Thuế tỉnh'] },
  { code: 'BHXH', name: 'Bảo hiểm xã hội tỉnh', shortName: 'BHXH tỉnh', aliases: ['Bảo hiểm xã hội'] },
  {
    code: 'NHNN',
    name: 'Ngân hàng Nhà nước chi nhánh tỉnh',
    shortName: 'NHNN chi nhánh tỉnh',
    aliases: ['Ngân hàng Nhà nước tỉnh', 'Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh', 'Chi nhánh Ngân hàng Nhà nước tỉnh', 'NHNN tỉnh'],
  },
  { code: 'CTK', name: 'Cục Thống kê tỉnh', aliases: ['Cục Thống kê'] },
];

/** Bodies of the province that are neither sở, ban, ngành nor members of that group. */
export const PROVINCE_BODIES: Entry[] = [
  { code: 'VPTU', name: 'Văn phòng Tỉnh ủy', shortName: 'VP Tỉnh ủy', mailbox: 'vptu', aliases: ['VPTU', 'VP TU'] },
  {
    code: 'TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    shortName: 'Trung tâm PVHCC tỉnh',
    mailbox: 'ttpvhcc',
    aliases: ['Trung tâm Hành chính công tỉnh', 'Trung tâm HCC tỉnh', 'Trung tâm Phục vụ HCC tỉnh', 'TTPVHCC', 'TT PVHCC tỉnh', 'TTHCC tỉnh'],
  },
];

/** Mass organisations (đoàn thể) that plans give tasks of their own. */
export const MASS_ORGANISATIONS: Entry[] = [
  {
    code: 'MTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    shortName: 'Ủy ban MTTQ Việt Nam tỉnh',
    aliases: ['Ủy ban MTTQ tỉnh', 'UBMTTQ tỉnh', 'UBMTTQVN tỉnh', 'UB MTTQ VN tỉnh', 'Mặt trận Tổ quốc tỉnh', 'MTTQ tỉnh'],
  },
  { code: 'TDOAN', name: 'Tỉnh Đoàn', aliases: ['Đoàn TNCS Hồ Chí Minh tỉnh', 'Đoàn Thanh niên tỉnh', 'Tỉnh Đoàn Thanh niên'] },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ tỉnh', shortName: 'Hội LHPN tỉnh', aliases: ['Hội Phụ nữ tỉnh'] },
  { code: 'HND', name: 'Hội Nông dân tỉnh', aliases: [] },
  { code: 'LDLD', name: 'Liên đoàn Lao động tỉnh', shortName: 'LĐLĐ tỉnh', aliases: ['Liên đoàn LĐ tỉnh'] },
  { code: 'HCCB', name: 'Hội Cựu chiến binh tỉnh', shortName: 'Hội CCB tỉnh', aliases: [] },
];

const OTHER: Entry[] = [
  {
    code: 'DPTTH',
    name: 'Đài Phát thanh và Truyền hình tỉnh',
    shortName: 'Đài PT-TH tỉnh',
    aliases: ['Đài PTTH tỉnh', 'Đài PT&TH tỉnh', 'Đài PT và TH tỉnh', 'Đài Phát thanh - Truyền hình tỉnh'],
  },
];

export const GROUP_SBN: Entry = {
  code: 'SBN',
  name: 'Các sở, ban, ngành',
  aliases: [
    'Các sở, ban, ngành tỉnh',
    'Các sở, ngành',
    'Các sở, ngành tỉnh',
    'Sở, ban, ngành',
    'Các sở, ban, ngành thuộc tỉnh',
    'Các sở, ban, ngành cấp tỉnh',
    'Các cơ quan chuyên môn thuộc UBND tỉnh',
    'Các cơ quan, đơn vị cấp tỉnh',
  ],
};

/** Press of the province: "các cơ quan thông tấn, báo chí" are its newspaper and its broadcaster. */
export const GROUP_PRESS: Entry = {
  code: 'BAOCHI',
  name: 'Các cơ quan thông tấn, báo chí',
  aliases: [
    'Các cơ quan báo chí',
    'Cơ quan báo chí',
    'Các cơ quan thông tấn, báo chí tỉnh',
    'Các cơ quan báo chí của tỉnh',
    'Các cơ quan báo chí địa phương',
    'Các cơ quan báo chí, truyền thông',
    'Các cơ quan truyền thông',
    'Báo, Đài tỉnh',
  ],
};

export const GROUP_TELECOM: Entry = {
  code: 'DNVT',
  name: 'Các doanh nghiệp viễn thông',
  aliases: ['Doanh nghiệp viễn thông', 'Các DNVT', 'Các nhà mạng', 'Các doanh nghiệp cung cấp dịch vụ viễn thông'],
};

export const GROUP_POST_TELECOM: Entry = {
  code: 'DNBCVT',
  name: 'Các doanh nghiệp bưu chính, viễn thông',
  aliases: ['Các doanh nghiệp viễn thông, bưu chính', 'Doanh nghiệp bưu chính, viễn thông', 'Các doanh nghiệp BCVT', 'Các DN BCVT'],
};

export const GROUP_XA: Entry = {
  code: 'XA',
  name: 'UBND các xã, phường, thị trấn',
  aliases: ['UBND cấp xã', 'UBND xã, phường, thị trấn', 'Các xã, phường, thị trấn', 'UBND các xã', 'UBND các xã, phường', 'UBND các xã, thị trấn'],
};

const HUYEN_ALIASES = [
  'UBND huyện, thành phố',
  'UBND các huyện, TP',
  'Các huyện, thành phố',
  'UBND cấp huyện',
  'UBND các huyện',
  // Provinces with thị xã write them in; the group is the same.
  'UBND các huyện, thị xã, thành phố',
  'UBND các huyện, thị xã, TP',
  'UBND huyện, thị xã, thành phố',
  'UBND các huyện, thành phố, thị xã',
  'UBND các huyện, thị xã',
  'Các huyện, thị xã, thành phố',
];

/**
 * The provincial branches of the telecom and postal enterprises, named after the province ("Viettel
 * Sơn La", "VNPT Sơn La", "Bưu điện tỉnh Sơn La") or after "tỉnh" in a province-neutral directory.
 */
export function enterprises(province: string | undefined): Entry[] {
  const of = province ?? 'tỉnh';
  return [
    {
      code: 'VIETTEL',
      name: `Viettel ${of}`,
      aliases: ['Viettel tỉnh', 'Chi nhánh Viettel tỉnh', 'Viettel chi nhánh tỉnh', 'Chi nhánh Viettel tại tỉnh', 'Chi nhánh Viettel', 'Viettel'],
    },
    {
      code: 'VNPT',
      // VNPT's provincial unit is officially "Viễn thông <tỉnh>".
      name: `VNPT ${of}`,
      aliases: ['VNPT tỉnh', 'Viễn thông tỉnh', 'VNPT chi nhánh tỉnh', 'VNPT'],
    },
    { code: 'MOBIFONE', name: `MobiFone ${of}`, aliases: ['MobiFone tỉnh', 'Chi nhánh MobiFone tỉnh', 'MobiFone'] },
    { code: 'BUUDIEN', name: province ? `Bưu điện tỉnh ${province}` : 'Bưu điện tỉnh', aliases: ['Bưu điện tỉnh', 'Bưu điện'] },
  ];
}

interface ProvinceSpec {
  /** The province's name, as names of its bodies carry it ("Viettel Sơn La"); none for `generic`. */
  province?: string;
  /** Mail domain of the province's portal. */
  domain: string;
  offices: Entry[];
  extraDepartments: Entry[];
  districtGroup: Entry;
  districts: Entry[];
  other: Entry[];
}

const SEPARATE_OFFICES: Entry[] = [
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', shortName: 'VP UBND tỉnh', mailbox: 'vpubnd', aliases: ['VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh'] },
  {
    code: 'VPHDND',
    name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    shortName: 'VP Đoàn ĐBQH và HĐND tỉnh',
    mailbox: 'vphdnd',
    aliases: ['Văn phòng HĐND tỉnh', 'VP HĐND tỉnh', 'Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh'],
  },
];

const district = (code: string, name: string, short: string, mailbox: string, aliases: string[] = []): Entry => ({
  code,
  name,
  shortName: short,
  mailbox,
  aliases,
});

export const PROVINCES: Record<SeedProvince, ProvinceSpec> = {
  // Sơn La: 1 thành phố and 11 huyện.
  'son-la': {
    province: 'Sơn La',
    domain: 'sonla.gov.vn',
    offices: SEPARATE_OFFICES,
    extraDepartments: [{ code: 'BQLKCN', name: 'Ban Quản lý các khu công nghiệp tỉnh', shortName: 'Ban Quản lý các KCN tỉnh', aliases: ['BQL các KCN tỉnh'] }],
    districtGroup: { code: 'HUYEN', name: 'UBND các huyện, thành phố', aliases: HUYEN_ALIASES },
    districts: [
      district('TP-SONLA', 'UBND thành phố Sơn La', 'UBND TP Sơn La', 'tpsonla', ['Thành phố Sơn La']),
      district('H-QUYNHNHAI', 'UBND huyện Quỳnh Nhai', 'Huyện Quỳnh Nhai', 'quynhnhai'),
      district('H-THUANCHAU', 'UBND huyện Thuận Châu', 'Huyện Thuận Châu', 'thuanchau'),
      district('H-MUONGLA', 'UBND huyện Mường La', 'Huyện Mường La', 'muongla'),
      district('H-BACYEN', 'UBND huyện Bắc Yên', 'Huyện Bắc Yên', 'bacyen'),
      district('H-PHUYEN', 'UBND huyện Phù Yên', 'Huyện Phù Yên', 'phuyen'),
      district('H-MOCCHAU', 'UBND huyện Mộc Châu', 'Huyện Mộc Châu', 'mocchau'),
      district('H-VANHO', 'UBND huyện Vân Hồ', 'Huyện Vân Hồ', 'vanho'),
      district('H-YENCHAU', 'UBND huyện Yên Châu', 'Huyện Yên Châu', 'yenchau'),
      district('H-MAISON', 'UBND huyện Mai Sơn', 'Huyện Mai Sơn', 'maison'),
      district('H-SONGMA', 'UBND huyện Sông Mã', 'Huyện Sông Mã', 'songma'),
      district('H-SOPCOP', 'UBND huyện Sốp Cộp', 'Huyện Sốp Cộp', 'sopcop'),
    ],
    other: [...OTHER, { code: 'BAO', name: 'Báo Sơn La', aliases: ['Báo tỉnh'] }],
  },
  // Tây Ninh: 1 thành phố, 2 thị xã (Hòa Thành and Trảng Bàng, huyện until 2020) and 6 huyện. Its
  // Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh is one merged office, which plans also call "VP UBND tỉnh".
  'tay-ninh': {
    province: 'Tây Ninh',
    domain: 'tayninh.gov.vn',
    offices: [
      {
        code: 'VP-DBQH-HDND-UBND',
        name: 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh',
        shortName: 'VP Đoàn ĐBQH, HĐND và UBND tỉnh',
        mailbox: 'vanphong',
        aliases: [
          'Văn phòng Đoàn Đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh',
          'Văn phòng UBND tỉnh',
          'VP UBND tỉnh',
          'Văn phòng HĐND tỉnh',
          'VP HĐND tỉnh',
          'Văn phòng Đoàn ĐBQH, HĐND, UBND tỉnh',
        ],
      },
    ],
    extraDepartments: [{ code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế tỉnh', shortName: 'Ban Quản lý KKT tỉnh', aliases: ['BQL Khu kinh tế tỉnh', 'BQLKKT'] }],
    districtGroup: {
      code: 'HUYEN',
      name: 'UBND các huyện, thị xã, thành phố',
      aliases: ['UBND các huyện, thành phố', 'UBND các huyện, thị xã, TP', ...HUYEN_ALIASES],
    },
    districts: [
      district('TP-TAYNINH', 'UBND thành phố Tây Ninh', 'UBND TP Tây Ninh', 'tptayninh', ['Thành phố Tây Ninh']),
      district('TX-HOATHANH', 'UBND thị xã Hòa Thành', 'UBND TX Hòa Thành', 'hoathanh', ['UBND huyện Hòa Thành', 'Thị xã Hòa Thành']),
      district('TX-TRANGBANG', 'UBND thị xã Trảng Bàng', 'UBND TX Trảng Bàng', 'trangbang', ['UBND huyện Trảng Bàng', 'Thị xã Trảng Bàng']),
      district('H-TANBIEN', 'UBND huyện Tân Biên', 'Huyện Tân Biên', 'tanbien'),
      district('H-TANCHAU', 'UBND huyện Tân Châu', 'Huyện Tân Châu', 'tanchau'),
      district('H-DUONGMINHCHAU', 'UBND huyện Dương Minh Châu', 'Huyện Dương Minh Châu', 'duongminhchau'),
      district('H-CHAUTHANH', 'UBND huyện Châu Thành', 'Huyện Châu Thành', 'chauthanh'),
      district('H-GODAU', 'UBND huyện Gò Dầu', 'Huyện Gò Dầu', 'godau'),
      district('H-BENCAU', 'UBND huyện Bến Cầu', 'Huyện Bến Cầu', 'bencau'),
    ],
    other: [...OTHER, { code: 'BAO', name: 'Báo Tây Ninh', aliases: ['Báo tỉnh'] }],
  },
  // A province without named districts: the district group has no members and is itself the lead.
  generic: {
    domain: 'example.gov.vn',
    offices: SEPARATE_OFFICES,
    extraDepartments: [],
    districtGroup: { code: 'HUYEN', name: 'UBND các huyện, thành phố', aliases: HUYEN_ALIASES },
    districts: [],
    other: [...OTHER, { code: 'BAO', name: 'Báo tỉnh', aliases: ['Báo'] }],
  },
};
