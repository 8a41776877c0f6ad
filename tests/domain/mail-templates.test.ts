import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, isBatchedKind, renderDigest, renderNotice, renderSignInMail, type DigestItem, type DigestModel, type MailTask, type NoticeModel } from '../../domain/mail';

const plan = { documentNumber: '212/KH-UBND', title: 'Kế hoạch ứng dụng CNTT, phát triển chính quyền số' };

function task(n: number, over: Partial<MailTask> = {}): MailTask {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: String(n),
    title: `Nhiệm vụ số ${n}: nâng cấp hạ tầng`,
    dueDate: '2027-01-22',
    status: 'in_progress',
    leadAgencyName: 'Sở Thông tin và Truyền thông',
    ...over,
  };
}

function item(kind: DigestItem['kind'], t: MailTask, over: Partial<DigestItem> = {}): DigestItem {
  return { kind, copy: false, plan, task: t, links: { open: `https://gv.example/l/open-${t.id}` }, ...over };
}

const digest = (items: DigestItem[], over: Partial<DigestModel> = {}): DigestModel => ({
  language: 'vi',
  recipientName: 'Sở Thông tin và Truyền thông',
  day: '2027-01-15',
  items,
  ...over,
});

/** The text between two markers of the plain-text part, to check what a section lists. */
const section = (text: string, title: string) => {
  const start = text.indexOf(`== ${title}`);
  const next = text.indexOf('\n== ', start + 1);
  return text.slice(start, next === -1 ? undefined : next);
};

describe('helpers', () => {
  it('writes dates dd/mm/yyyy and counts calendar days across months and years', () => {
    expect(formatDate('2027-01-05')).toBe('05/01/2027');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-03-01', '2027-02-27')).toBe(-2);
    // 2028 is a leap year.
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('escapes every character that matters in HTML text and attributes', () => {
    // React escapes by construction; the same text as a name (text) and as a link (attribute).
    const evil = `<a href="x" onclick='y'>&amp;</a>`;
    const mail = renderSignInMail({ language: 'vi', name: evil, url: evil, expiresAt: '09:15' });
    const escaped = '&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;amp;&lt;/a&gt;';
    expect(mail.html).toContain(`Kính gửi: ${escaped},</p>`);
    expect(mail.html).toContain(`href="${escaped}"`);
  });

  it('batches reminders and assignments, sends status changes and compiled reports alone', () => {
    expect(isBatchedKind('due_reminder')).toBe(true);
    expect(isBatchedKind('report_reminder')).toBe(true);
    expect(isBatchedKind('task_assigned')).toBe(true);
    expect(isBatchedKind('status_change')).toBe(false);
    expect(isBatchedKind('report_compiled')).toBe(false);
  });
});

describe('digest, Vietnamese', () => {
  const items = [
    item('due_reminder', task(1, { dueDate: '2027-01-22' })),
    item('due_reminder', task(2, { dueDate: '2027-01-16' })),
    item('overdue_notice', task(3, { dueDate: '2027-01-12' })),
    item('ack_reminder', task(4, { status: 'assigned', dueDate: '2027-01-15' }), { links: { open: 'https://gv.example/l/open-4', ack: 'https://gv.example/l/ack-4' } }),
  ];
  const mail = renderDigest(digest(items));

  it('names the most urgent kind and counts the tasks in the subject', () => {
    expect(mail.subject).toBe('[Giao việc] Nhiệm vụ quá hạn: 4 nhiệm vụ của Sở Thông tin và Truyền thông');
    const dueOnly = renderDigest(digest(items.slice(0, 2)));
    expect(dueOnly.subject).toBe('[Giao việc] Nhắc hạn: 2 nhiệm vụ của Sở Thông tin và Truyền thông');
  });

  it('lists every task with plan, number, title, due date and days left or overdue', () => {
    expect(mail.text).toContain('Kính gửi: Sở Thông tin và Truyền thông,');
    expect(mail.text).toContain('ngày 15/01/2027');
    expect(mail.text).toContain('Kế hoạch 212/KH-UBND · STT 1');
    expect(mail.text).toContain('Nhiệm vụ số 1: nâng cấp hạ tầng');
    expect(mail.text).toContain('Hạn hoàn thành: 22/01/2027 (còn 7 ngày)');
    expect(mail.text).toContain('Hạn hoàn thành: 16/01/2027 (còn 1 ngày)');
    expect(mail.text).toContain('Hạn hoàn thành: 12/01/2027 (quá hạn 3 ngày)');
    expect(mail.text).toContain('Hạn hoàn thành: 15/01/2027 (đến hạn hôm nay)');
    for (const t of [1, 2, 3]) expect(mail.html).toContain(`https://gv.example/l/open-${task(t).id}`);
    for (const t of [1, 2, 3, 4]) expect(mail.html).toContain(`Nhiệm vụ số ${t}: nâng cấp hạ tầng`);
    expect(mail.html).toContain('https://gv.example/l/open-4');
    expect(mail.html).toContain('22/01/2027');
    expect(mail.html).toContain('quá hạn 3 ngày');
  });

  it('groups by what is asked, most urgent first, earliest deadline first within a group', () => {
    const overdue = mail.text.indexOf('== Nhiệm vụ đã quá hạn');
    const ack = mail.text.indexOf('== Nhiệm vụ chưa tiếp nhận');
    const due = mail.text.indexOf('== Nhiệm vụ sắp đến hạn (2)');
    expect(overdue).toBeGreaterThan(-1);
    expect(overdue).toBeLessThan(ack);
    expect(ack).toBeLessThan(due);
    const dueSection = section(mail.text, 'Nhiệm vụ sắp đến hạn');
    expect(dueSection.indexOf('Nhiệm vụ số 2')).toBeLessThan(dueSection.indexOf('Nhiệm vụ số 1'));
    expect(section(mail.text, 'Nhiệm vụ đã quá hạn')).toContain('đề nghị khẩn trương hoàn thành');
  });

  it('offers the acknowledge link only where the item carries one', () => {
    expect(mail.text).toContain('Tiếp nhận nhiệm vụ: https://gv.example/l/ack-4');
    expect(mail.text.match(/Tiếp nhận nhiệm vụ: /g)).toHaveLength(1);
    expect(mail.html.match(/>Tiếp nhận nhiệm vụ</g)).toHaveLength(1);
    expect(mail.html.match(/>Mở nhiệm vụ</g)).toHaveLength(4);
  });

  it('puts copies "để phối hợp" in their own section, naming the lead agency', () => {
    const withCopy = renderDigest(
      digest([item('due_reminder', task(1)), item('due_reminder', task(9, { leadAgencyName: 'Sở Tài chính' }), { copy: true })], { recipientName: 'Sở Nội vụ' }),
    );
    const copies = section(withCopy.text, 'Nhiệm vụ phối hợp thực hiện');
    expect(copies).toContain('Nhiệm vụ số 9');
    expect(copies).toContain('Để phối hợp');
    expect(copies).toContain('Đơn vị chủ trì: Sở Tài chính');
    expect(copies).toContain('Yêu cầu: Đề nghị phối hợp với đơn vị chủ trì thực hiện nhiệm vụ.');
    expect(section(withCopy.text, 'Nhiệm vụ sắp đến hạn')).not.toContain('Nhiệm vụ số 9');
    expect(withCopy.subject).toBe('[Giao việc] Nhắc hạn: 2 nhiệm vụ của Sở Nội vụ');
  });

  it('is a complete HTML document in Vietnamese with inline styles only', () => {
    expect(mail.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(mail.html).toContain('<html lang="vi">');
    expect(mail.html).toContain('<meta charSet="utf-8"/>');
    expect(mail.html).not.toMatch(/<style|<script|class=/);
  });
});

describe('digest, English', () => {
  it('speaks English to an agency whose language is en; dates stay dd/mm/yyyy', () => {
    const mail = renderDigest(
      digest([item('due_reminder', task(1, { dueDate: '2027-01-16' })), item('overdue_notice', task(2, { dueDate: '2027-01-13' }))], { language: 'en', recipientName: 'Sở Ngoại vụ' }),
    );
    expect(mail.subject).toBe('[Giao việc] Overdue tasks: 2 tasks of Sở Ngoại vụ');
    expect(mail.text).toContain('Dear Sở Ngoại vụ,');
    expect(mail.text).toContain('Due date: 16/01/2027 (1 day left)');
    expect(mail.text).toContain('Due date: 13/01/2027 (2 days overdue)');
    expect(mail.text).toContain('Open task: https://gv.example/l/open-');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).not.toContain('Kính gửi');
  });
});

describe('hostile input', () => {
  const evil = `<script>alert("x")</script> & <img src=x onerror='y'>`;

  it('escapes titles, names, numbers and links in the digest HTML; the text part keeps them readable', () => {
    const mail = renderDigest(
      digest([item('due_reminder', task(1, { title: evil, number: '<b>1</b>', leadAgencyName: evil }), { copy: true, links: { open: 'https://gv.example/l/"><script>' } })], {
        recipientName: `Sở <i>TTTT</i>`,
      }),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>1</b>');
    expect(mail.html).not.toContain('<i>TTTT</i>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#x27;y&#x27;&gt;');
    expect(mail.html).toContain('href="https://gv.example/l/&quot;&gt;&lt;script&gt;"');
    expect(mail.text).toContain(evil);
  });

  it('escapes notes and actor names in notices, and keeps newlines out of the subject', () => {
    const mail = renderNotice(
      notice({ event: 'cancelled', actorName: '<b>Kẻ xấu</b>', note: `Lý do:\n<script>steal()</script>`, task: task(1, { title: `Dòng 1\r\nBcc: victim@example.com` }) }),
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Dòng 1 Bcc: victim@example.com');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Kẻ xấu</b>');
    expect(mail.html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(mail.html).toContain('Lý do:<br/>');
  });
});

function notice(over: Partial<NoticeModel>): NoticeModel {
  return {
    language: 'vi',
    recipientName: 'Sở Thông tin và Truyền thông',
    day: '2027-01-15',
    kind: 'status_change',
    copy: false,
    plan,
    task: task(1),
    actorName: 'Nguyễn Văn An',
    links: { open: 'https://gv.example/l/open' },
    ...over,
  };
}

describe('status change notices', () => {
  it('extension requested: who asks, until when, and why', () => {
    const mail = renderNotice(notice({ event: 'extension_requested', newDueDate: '2027-03-31', previousDueDate: '2027-01-22', note: 'Chờ bố trí vốn' }));
    expect(mail.subject).toBe('[Giao việc] Đề nghị gia hạn nhiệm vụ: Nhiệm vụ số 1: nâng cấp hạ tầng');
    expect(mail.text).toContain('Nguyễn Văn An đề nghị gia hạn nhiệm vụ đến ngày 31/03/2027 (hạn hiện tại: 22/01/2027).');
    expect(mail.text).toContain('Lý do:\n  Chờ bố trí vốn');
    expect(mail.text).toContain('Hạn hoàn thành: 22/01/2027 (còn 7 ngày)');
    expect(mail.text).toContain('Trạng thái: Đang thực hiện');
  });

  it('extension approved and rejected', () => {
    expect(renderNotice(notice({ event: 'extension_approved', newDueDate: '2027-03-31' })).text).toContain('đã đồng ý gia hạn nhiệm vụ; hạn hoàn thành mới: 31/03/2027.');
    const rejected = renderNotice(notice({ event: 'extension_rejected', newDueDate: '2027-03-31', note: 'Không có căn cứ' }));
    expect(rejected.subject).toContain('Không đồng ý gia hạn nhiệm vụ');
    expect(rejected.text).toContain('hạn hoàn thành vẫn là 22/01/2027');
    expect(rejected.text).toContain('Lý do:');
  });

  it('completion submitted, returned, accepted; cancellation; reassignment', () => {
    expect(renderNotice(notice({ event: 'completion_submitted', note: 'Đã vận hành' })).subject).toContain('Báo cáo hoàn thành nhiệm vụ');
    expect(renderNotice(notice({ event: 'completion_returned', note: 'Thiếu biên bản' })).text).toContain('Lý do:\n  Thiếu biên bản');
    const accepted = renderNotice(notice({ event: 'completion_accepted', task: task(1, { status: 'completed' }) }));
    expect(accepted.subject).toContain('Nghiệm thu hoàn thành nhiệm vụ');
    expect(accepted.text).toContain('Trạng thái: Đã hoàn thành');
    expect(accepted.text).toContain('Hạn hoàn thành: 22/01/2027\n');
    expect(renderNotice(notice({ event: 'cancelled', note: 'Trùng lặp' })).subject).toContain('Hủy nhiệm vụ');
    expect(renderNotice(notice({ event: 'reassigned', fromAgencyName: 'Sở Tài chính', toAgencyName: 'Sở Nội vụ' })).text).toContain('giao lại nhiệm vụ từ Sở Tài chính cho Sở Nội vụ');
  });

  it('marks a copy for coordination', () => {
    const mail = renderNotice(notice({ event: 'cancelled', copy: true }));
    expect(mail.subject.startsWith('[Giao việc] (Để phối hợp) Hủy nhiệm vụ:')).toBe(true);
    const en = renderNotice(notice({ event: 'cancelled', copy: true, language: 'en', note: 'Duplicate' }));
    expect(en.subject.startsWith('[Giao việc] (For coordination) Task cancelled:')).toBe(true);
    expect(en.text).toContain('Reason:');
  });

  it('English status changes', () => {
    const mail = renderNotice(notice({ language: 'en', event: 'extension_requested', newDueDate: '2027-03-31', note: 'Waiting for funds' }));
    expect(mail.subject).toBe('[Giao việc] Extension requested: Nhiệm vụ số 1: nâng cấp hạ tầng');
    expect(mail.text).toContain('Nguyễn Văn An asks to extend the task to 31/03/2027.');
    expect(mail.text).toContain('Status: In progress');
  });
});

describe('annual report kinds', () => {
  it('a report reminder in a digest names the year, the plan and the report due date', () => {
    const mail = renderDigest(
      digest([{ kind: 'report_reminder', copy: false, plan, cycleYear: 2026, reportDueDate: '2026-12-20', links: { open: 'https://gv.example/plans/p/annual-cycles/2026' } }], { day: '2026-12-15' }),
    );
    expect(mail.subject).toBe('[Giao việc] Nhắc nộp báo cáo năm: năm 2026, Kế hoạch 212/KH-UBND');
    expect(mail.text).toContain('Hạn nộp báo cáo: 20/12/2026 (còn 5 ngày)');
    expect(mail.text).toContain('Mở kỳ báo cáo: https://gv.example/plans/p/annual-cycles/2026');
  });

  it('an escalation lists the agencies that have not reported', () => {
    const mail = renderDigest(
      digest(
        [{ kind: 'report_escalation', copy: false, plan, cycleYear: 2026, reportDueDate: '2026-12-20', missingAgencies: ['Sở Tài chính', 'UBND huyện <Mộc Châu>'], links: { open: 'https://gv.example/x' } }],
        { day: '2026-12-24', recipientName: 'Văn phòng UBND tỉnh' },
      ),
    );
    expect(mail.text).toContain('Đơn vị chưa báo cáo: Sở Tài chính; UBND huyện <Mộc Châu>');
    expect(mail.html).toContain('UBND huyện &lt;Mộc Châu&gt;');
    expect(mail.text).toContain('quá hạn 4 ngày');
  });

  it('a compiled report goes out alone with a link to it', () => {
    const mail = renderNotice(notice({ kind: 'report_compiled', task: undefined, cycleYear: 2026, version: 2, links: { open: 'https://gv.example/report' } }));
    expect(mail.subject).toBe('[Giao việc] Báo cáo tổng hợp năm 2026: 212/KH-UBND');
    expect(mail.text).toContain('(lần 2, cập nhật báo cáo nộp muộn)');
    expect(mail.text).toContain('Xem báo cáo: https://gv.example/report');
  });
});

describe('a comment that names the recipient', () => {
  const comment = { author: 'Nguyễn Thị Văn thư, Sở Thông tin và Truyền thông', text: 'Đề nghị @STC gửi số liệu kinh phí\ntrước ngày 15.' };
  const mention = item('mention', task(7), { comment });

  it('is batched into the digest, as its own section, quoting the author and the text, naming the lead', () => {
    expect(isBatchedKind('mention')).toBe(true);
    const mail = renderDigest(digest([item('due_reminder', task(1)), mention], { recipientName: 'Sở Tài chính' }));
    const lines = section(mail.text, 'Đơn vị được nhắc đến trong trao đổi');
    expect(lines).toContain('== Đơn vị được nhắc đến trong trao đổi (1) ==');
    expect(lines).toContain('Nhiệm vụ số 7: nâng cấp hạ tầng');
    expect(lines).toContain('Ý kiến của Nguyễn Thị Văn thư, Sở Thông tin và Truyền thông: "Đề nghị @STC gửi số liệu kinh phí trước ngày 15."');
    expect(lines).toContain('Đơn vị chủ trì: Sở Thông tin và Truyền thông');
    expect(lines).toContain('Yêu cầu: Đơn vị được nhắc đến trong trao đổi về nhiệm vụ; đề nghị xem và phản hồi.');
    // A reminder is more pressing than a comment: the subject names the reminder.
    expect(mail.subject).toBe('[Giao việc] Nhắc hạn: 2 nhiệm vụ của Sở Tài chính');
    expect(mail.html).toContain('<blockquote');
    expect(mail.html).toContain('Đề nghị @STC gửi số liệu kinh phí trước ngày 15.');
  });

  it('in English, and a long comment is cut to an excerpt', () => {
    const long = item('mention', task(8), { comment: { author: 'Trần Văn Điều', text: `${'Nội dung rất dài '.repeat(60)}KẾT THÚC` } });
    const mail = renderDigest(digest([long], { language: 'en', recipientName: 'Department of Finance' }));
    expect(mail.subject).toBe('[Giao việc] Task discussion: 1 task of Department of Finance');
    expect(mail.text).toContain('== Your agency was named in a discussion (1) ==');
    expect(mail.text).toContain('Comment by Trần Văn Điều: "Nội dung rất dài');
    expect(mail.text).toContain('Action: Your agency was named in the discussion of this task; please read it and reply.');
    expect(mail.text).not.toContain('KẾT THÚC');
    expect(mail.text).toContain('…"');
  });
});
