import { foldVietnamese } from '../agencies/normalize';
import type { FundingSource, TaskKind } from '../vocabulary';

/**
 * Nguồn vốn as written → the sources it names. "Ngân sách tỉnh, huyện, xã" names three levels of
 * budget; "sự nghiệp" and "đầu tư phát triển" are kinds of spending, recognised but not sources.
 */
export function parseFundingSources(text: string): { sources: FundingSource[]; recognised: boolean } {
  const f = foldVietnamese(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const sources = new Set<FundingSource>();
  if (!f) return { sources: [], recognised: true };

  // "xã hội hóa" first, so that its "xã" is not read as the commune budget.
  const socialized = /\bxa hoi hoa\b|\bxhh\b/.test(f);
  if (socialized) sources.add('socialized');
  const rest = f.replace(/\bxa hoi hoa\b/g, ' ');

  if (/\boda\b|\bvon vay oda\b/.test(rest)) sources.add('oda');
  if (/\btrung uong\b|\bnstw\b|\bntw\b|\bns tw\b|\btw\b/.test(rest)) sources.add('central');

  // Levels of the local budget: "ngân sách tỉnh, huyện, xã", "NS tỉnh", "ngân sách cấp huyện".
  const budget = /\b(?:ngan sach|ns|von|kinh phi)\b(.*)/.exec(rest);
  const levels = budget ? budget[1]! : rest;
  if (/\btinh\b|\bnst\b/.test(levels)) sources.add('province');
  if (/\bhuyen\b|\bnsh\b/.test(levels)) sources.add('district');
  if (/\bxa\b|\bnsx\b/.test(levels)) sources.add('commune');
  if (/\bdia phuong\b|\bnsdp\b/.test(rest) && ![...sources].some((s) => s === 'province' || s === 'district' || s === 'commune')) sources.add('province');

  const spendingKind = /\bsu nghiep\b|\bdau tu phat trien\b|\bdau tu\b|\bchi thuong xuyen\b/.test(rest);
  const other = /\bvon vay\b|\btai tro\b|\bdoanh nghiep\b|\bvon khac\b|\bnguon khac\b|\bhuy dong\b|\bnha dau tu\b|\bvien tro\b/.test(rest);
  if (other) sources.add('other');
  const recognised = sources.size > 0 || spendingKind;
  if (!recognised) sources.add('other');
  return { sources: [...sources], recognised };
}

/** "Nhiệm vụ mới" → new, "… chuyển tiếp" → carried_over, "… thường xuyên" → recurring, blank → new. */
export function parseTaskKind(text: string): TaskKind | undefined {
  const f = foldVietnamese(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
  if (!f) return 'new';
  if (/\bchuyen tiep\b|\btiep tuc\b/.test(f)) return 'carried_over';
  if (/\bthuong xuyen\b|\bhang nam\b|\bdinh ky\b/.test(f)) return 'recurring';
  if (/\bmoi\b|\bmo moi\b|\bkhoi cong moi\b/.test(f)) return 'new';
  return undefined;
}
