import type { Db } from '../../db/client';
import { agencies, agencyGroupMembers, plans } from '../../db/schema';
import type { PlanSettings } from '../../domain/plan-settings';
import { today } from './dates';

/** A small province: four departments, the province office, and a group of three districts. */
export const AGENCIES = [
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', shortName: 'VP UBND tỉnh', kind: 'province' as const, emails: ['vanthu@vpubnd.example.gov.vn'] },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TTTT', kind: 'department' as const, emails: ['vanthu@stttt.example.gov.vn'] },
  { code: 'STC', name: 'Sở Tài chính', shortName: 'Sở TC', kind: 'department' as const, emails: ['vanthu@stc.example.gov.vn'] },
  { code: 'SNV', name: 'Sở Nội vụ', shortName: 'Sở NV', kind: 'department' as const, emails: ['vanthu@snv.example.gov.vn'] },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', kind: 'department' as const, emails: ['vanthu@skhcn.example.gov.vn'] },
  { code: 'H1', name: 'UBND huyện Mộc Châu', shortName: 'UBND huyện Mộc Châu', kind: 'district' as const, emails: ['vanthu@mocchau.example.gov.vn'] },
  { code: 'H2', name: 'UBND huyện Mai Sơn', shortName: 'UBND huyện Mai Sơn', kind: 'district' as const, emails: ['vanthu@maison.example.gov.vn'] },
  { code: 'H3', name: 'UBND thành phố Sơn La', shortName: 'UBND TP Sơn La', kind: 'district' as const, emails: ['vanthu@tpsonla.example.gov.vn'] },
  { code: 'HUYEN', name: 'UBND các huyện, thành phố', shortName: 'UBND các huyện, TP', kind: 'group' as const, emails: [] },
];

export async function seedAgencies(db: Db): Promise<void> {
  await db.insert(agencies).values(AGENCIES).onConflictDoNothing();
  await db
    .insert(agencyGroupMembers)
    .values(['H1', 'H2', 'H3'].map((memberCode) => ({ groupCode: 'HUYEN', memberCode })))
    .onConflictDoNothing();
}

/** A plan (kế hoạch) whose period, unless given, runs from 2021 to the end of next year: the current and last year's cycles always fall in it. */
export async function seedPlan(db: Db, opts: { code?: string; periodStart?: string; periodEnd?: string; settings?: PlanSettings } = {}): Promise<string> {
  const [plan] = await db
    .insert(plans)
    .values({
      code: opts.code ?? `KH-${Math.random().toString(36).slice(2, 8)}`,
      title: 'Kế hoạch ứng dụng CNTT, phát triển chính quyền số',
      documentNumber: '212/KH-UBND',
      issuer: 'UBND tỉnh Sơn La',
      issuedOn: '2020-11-03',
      periodStart: opts.periodStart ?? '2021-01-01',
      periodEnd: opts.periodEnd ?? `${Number(today().slice(0, 4)) + 1}-12-31`,
      coordinatorAgencyCode: 'VPUBND',
      settings: opts.settings ?? {},
    })
    .returning({ id: plans.id });
  return plan!.id;
}
