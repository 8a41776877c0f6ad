/**
 * Vietnam's provinces and centrally-run cities, the 63 before the 2025 reorganisation and the names
 * it introduced (only "Huế" is new), with the spellings documents also use. Appendices of other
 * provinces append these to agency names without "tỉnh" ("Viettel Vĩnh Long", "VNPT Vĩnh Long"), so
 * the name folding drops them wherever they close a name (see `normalize.ts`).
 */
export const PROVINCE_NAMES: readonly string[] = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Cạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre',
  'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Đăk Lăk',
  'Đắc Lắc', 'Daklak', 'Đắk Nông', 'Đăk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai',
  'Hà Giang', 'Hà Nam', 'Hà Tĩnh', 'Hải Dương', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa',
  'Kiên Giang', 'Kon Tum', 'Kontum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An',
  'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam',
  'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên',
  'Thanh Hóa', 'Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang',
  'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
  // Centrally-run cities. Hà Nội, Hải Phòng, Đà Nẵng and Cần Thơ are unambiguous on their own;
  // "Hồ Chí Minh" and "Huế" are only taken after "thành phố" ("Đoàn TNCS Hồ Chí Minh" is no city).
  'Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ',
  'thành phố Hà Nội', 'thành phố Hải Phòng', 'thành phố Đà Nẵng', 'thành phố Cần Thơ',
  'thành phố Hồ Chí Minh', 'TP HCM', 'thành phố Huế',
];
