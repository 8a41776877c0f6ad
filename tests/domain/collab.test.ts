import { describe, expect, it } from 'vitest';
import { formatFileSize, isAttachmentType, safeFileName } from '../../domain/attachments';
import { allMentions, mentionsInText } from '../../domain/comments';

describe('evidence file names', () => {
  it('keep the name people gave, made safe, ending in the extension of what the file is', () => {
    expect(safeFileName('Biên bản nghiệm thu.pdf', 'application/pdf')).toBe('Biên bản nghiệm thu.pdf');
    expect(safeFileName('IMG_0001.JPG', 'image/jpeg')).toBe('IMG_0001.JPG');
    expect(safeFileName('anh.jpeg', 'image/jpeg')).toBe('anh.jpeg');
    // A wrong extension is replaced; a last part that is no extension is kept.
    expect(safeFileName('bao-cao.docx', 'application/pdf')).toBe('bao-cao.pdf');
    expect(safeFileName('Quyết định 12.2024', 'application/pdf')).toBe('Quyết định 12.2024.pdf');
    expect(safeFileName('so-lieu', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('so-lieu.xlsx');
    // Decomposed Vietnamese (as macOS sends it) is stored composed.
    expect(safeFileName('Ba\u0301o ca\u0301o.pdf', 'application/pdf')).toBe('Báo cáo.pdf');
  });

  it('drop paths, control and bidi characters, and what file systems and headers reserve', () => {
    expect(safeFileName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\x\\bao "cao".pdf', 'application/pdf')).toBe('bao _cao_.pdf');
    expect(safeFileName('a\r\nContent-Type: text-html.pdf', 'application/pdf')).toBe('a__Content-Type_ text-html.pdf');
    // U+202E would show "fdp.exe" as "exe.pdf".
    expect(safeFileName('hoa-don\u202Efdp.exe', 'application/pdf')).toBe('hoa-don_fdp.pdf');
    expect(safeFileName('...', 'image/png')).toBe('minh-chung.png');
    expect(safeFileName('', 'image/png')).toBe('minh-chung.png');
    expect([...safeFileName(`${'ạ'.repeat(400)}.pdf`, 'application/pdf')]).toHaveLength(180);
  });

  it('accept PDF, DOCX, XLSX, PNG and JPEG only, by MIME type', () => {
    expect(isAttachmentType('application/pdf')).toBe(true);
    expect(isAttachmentType('image/svg+xml')).toBe(false);
    expect(isAttachmentType('application/zip')).toBe(false);
    expect(isAttachmentType('toString')).toBe(false);
    expect(isAttachmentType(undefined)).toBe(false);
    expect(formatFileSize(850)).toBe('850 B');
    expect(formatFileSize(12_500_000)).toBe('11,9 MB');
  });
});

describe('mentions in a comment', () => {
  it('are the agency codes written @CODE, each once, in order', () => {
    expect(mentionsInText('Đề nghị @STC và @H-MOCCHAU phối hợp; @STC gửi số liệu.')).toEqual(['STC', 'H-MOCCHAU']);
    expect(mentionsInText('(@VPUBND) @SGTVT-MOI, @A.B')).toEqual(['VPUBND', 'SGTVT-MOI', 'A.B']);
  });

  it('are not e-mail addresses, words after @, or lower-case words', () => {
    expect(mentionsInText('Gửi vanthu@STC.gov.vn, họp @ 9h, @Sở Tài chính, @stc, @9h')).toEqual([]);
    expect(allMentions('Đề nghị @STC', ['VPUBND', 'STC'])).toEqual(['VPUBND', 'STC']);
  });
});
