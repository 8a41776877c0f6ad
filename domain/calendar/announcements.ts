/**
 * The government's yearly holiday notices for the civil service (cán bộ, công chức, viên chức), as data:
 * the five days of Tết and the day that joins Quốc khánh the Prime Minister chose (Điều 112 khoản 3
 * Bộ luật Lao động 2019), their make-up days, and swaps (hoán đổi: a weekday off, a Saturday worked
 * instead — làm bù). The fixed holidays and Điều 111's make-up days are computed in `holidays.ts`.
 *
 * Each day names its document. Sources were read in the government's and the press's reports of them
 * (chinhphu.vn, moj.gov.vn, Nhân Dân, Thanh Niên, Kinh tế & Đô thị, VNA) and cross-checked.
 *
 * 2027: no notice had been issued when this was written, so 2027 is computed by the law's rules
 * (holidays.ts): Tết from Thursday 4/2 (28 tháng Chạp) to Monday 8/2/2027 (mùng 3), with mùng 1 and
 * mùng 2 on the weekend made up on Tuesday 9/2 and Wednesday 10/2; Quốc khánh Thursday 2/9 and Friday
 * 3/9; 1/5/2027, a Saturday, made up on Monday 3/5. When the notice comes, add it here (and an admin can
 * record it at once through the calendar API).
 */
import type { SettledOccasion } from './holidays';

export interface AnnouncedDay {
  date: string;
  /** `holiday`: one of the law's days the notice places; `off`: a make-up or swapped day off; `work`: a weekend day worked. */
  kind: 'holiday' | 'off' | 'work';
  name: string;
  /** The document that decided it. */
  document: string;
}

export interface Announcement {
  year: number;
  /** The choices of Điều 112 khoản 3 the year's notices make; for these the law's default rule is not applied. */
  settles: SettledOccasion[];
  days: AnnouncedDay[];
}

const TB_5015_2023 = 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Bộ Lao động - Thương binh và Xã hội)';
const CV_2450_2024 = 'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (Văn phòng Chính phủ)';
const TB_6150_2024 = 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 (Bộ Lao động - Thương binh và Xã hội)';
const CV_12729_2025 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Văn phòng Chính phủ)';
const TB_9441_2025 = 'Thông báo 9441/TB-BNV (Bộ Nội vụ, tháng 10/2025)';

export const ANNOUNCEMENTS: readonly Announcement[] = [
  {
    year: 2024,
    settles: ['tet', 'national_day'],
    days: [
      // Tết Giáp Thìn: Thursday 8/2 to Wednesday 14/2, "05 ngày nghỉ Tết Âm lịch và 02 ngày nghỉ bù ngày nghỉ hằng tuần".
      { date: '2024-02-08', kind: 'holiday', name: 'Tết Nguyên Đán (29 tháng Chạp)', document: TB_5015_2023 },
      { date: '2024-02-09', kind: 'holiday', name: 'Tết Nguyên Đán (30 tháng Chạp)', document: TB_5015_2023 },
      { date: '2024-02-10', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 1 tháng Giêng)', document: TB_5015_2023 },
      { date: '2024-02-11', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 2 tháng Giêng)', document: TB_5015_2023 },
      { date: '2024-02-12', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 3 tháng Giêng)', document: TB_5015_2023 },
      { date: '2024-02-13', kind: 'off', name: 'Nghỉ bù Tết Nguyên Đán', document: TB_5015_2023 },
      { date: '2024-02-14', kind: 'off', name: 'Nghỉ bù Tết Nguyên Đán', document: TB_5015_2023 },
      // 30/4–1/5: Saturday 27/4 to Wednesday 1/5, Monday 29/4 swapped for Saturday 4/5.
      { date: '2024-04-29', kind: 'off', name: 'Nghỉ hoán đổi dịp 30/4 và 1/5', document: CV_2450_2024 },
      { date: '2024-05-04', kind: 'work', name: 'Làm bù cho thứ Hai 29/4', document: CV_2450_2024 },
      // Quốc khánh: Saturday 31/8 to Tuesday 3/9.
      { date: '2024-09-03', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', document: TB_5015_2023 },
    ],
  },
  {
    year: 2025,
    settles: ['tet', 'national_day'],
    days: [
      // Tết Ất Tỵ: Saturday 25/1 to Sunday 2/2, the five days Monday 27/1 (28 tháng Chạp) to Friday 31/1 (mùng 3).
      { date: '2025-01-27', kind: 'holiday', name: 'Tết Nguyên Đán (28 tháng Chạp)', document: TB_6150_2024 },
      { date: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên Đán (29 tháng Chạp)', document: TB_6150_2024 },
      { date: '2025-01-29', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 1 tháng Giêng)', document: TB_6150_2024 },
      { date: '2025-01-30', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 2 tháng Giêng)', document: TB_6150_2024 },
      { date: '2025-01-31', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 3 tháng Giêng)', document: TB_6150_2024 },
      // 30/4–1/5: Wednesday 30/4 to Sunday 4/5, Friday 2/5 swapped for Saturday 26/4.
      { date: '2025-04-26', kind: 'work', name: 'Làm bù cho thứ Sáu 2/5', document: TB_6150_2024 },
      { date: '2025-05-02', kind: 'off', name: 'Nghỉ hoán đổi dịp 30/4 và 1/5', document: TB_6150_2024 },
      // Quốc khánh: Saturday 30/8 to Tuesday 2/9.
      { date: '2025-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', document: TB_6150_2024 },
    ],
  },
  {
    year: 2026,
    settles: ['tet', 'national_day'],
    days: [
      // Tết Dương lịch: Thursday 1/1 to Sunday 4/1, Friday 2/1 swapped for Saturday 10/1.
      { date: '2026-01-02', kind: 'off', name: 'Nghỉ hoán đổi dịp Tết Dương lịch', document: CV_12729_2025 },
      { date: '2026-01-10', kind: 'work', name: 'Làm bù cho thứ Sáu 2/1', document: CV_12729_2025 },
      // Tết Bính Ngọ: Saturday 14/2 (27 tháng Chạp) to Sunday 22/2 (mùng 6), the five days Monday 16/2 to Friday 20/2.
      { date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên Đán (29 tháng Chạp)', document: TB_9441_2025 },
      { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 1 tháng Giêng)', document: TB_9441_2025 },
      { date: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 2 tháng Giêng)', document: TB_9441_2025 },
      { date: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 3 tháng Giêng)', document: TB_9441_2025 },
      { date: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên Đán (mùng 4 tháng Giêng)', document: TB_9441_2025 },
      // Giỗ Tổ (Sunday 26/4) is made up on Monday 27/4 by Điều 111; no swap around 30/4–1/5 (Thursday, Friday).
      // Quốc khánh: Saturday 29/8 to Wednesday 2/9, Monday 31/8 swapped for Saturday 22/8.
      { date: '2026-08-22', kind: 'work', name: 'Làm bù cho thứ Hai 31/8', document: TB_9441_2025 },
      { date: '2026-08-31', kind: 'off', name: 'Nghỉ hoán đổi dịp Quốc khánh', document: TB_9441_2025 },
      { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', document: TB_9441_2025 },
    ],
  },
];
