import type JSZip from 'jszip';
import type { Grid } from '../types';
import { documentReader, TableLimitError } from './document';
import type { DocxLimits } from './grid';
import { readNumbering, type ListLevel } from './numbering';
import { MAX_DOCUMENT_XML_BYTES, PartTooLargeError, streamPart } from './package';

/**
 * Word document (.docx) → one grid per table, in document order. A plan is signed as a Word file
 * whose appendix is a table; its merged cells (w:gridSpan across, w:vMerge down) become the same
 * `MergeRange`s the XLSX reader gives, so header detection, section rows and the fill-down of
 * vertically merged cells read a Word table exactly as they read a worksheet.
 *
 * The document part is parsed as a stream of SAX events, never as a DOM: a DOM of a long appendix
 * takes some sixty times the XML's size in memory, the grids themselves a small fraction of it.
 *
 * A table nested in a cell is listed as a table of its own, right after the table around it (an
 * appendix laid inside a one-cell frame is still found), and its text also stays in the enclosing
 * cell, one line per row, its cells separated by tabs.
 */

export { wordDocumentPart } from './package';
export type { DocxLimits } from './grid';

export type DocxReadResult = { ok: true; grids: Grid[] } | { ok: false; message: string };

/** Every table of the Word document in `zip` (whose main part is `part`) as a grid named "Bảng n". */
export async function readDocx(zip: JSZip, part: string, limits: DocxLimits): Promise<DocxReadResult> {
  // Unreadable numbering leaves the cells their typed text.
  const lists = await readNumbering(zip, part).catch(() => new Map<string, ListLevel[]>());
  const reader = documentReader(limits, lists);
  try {
    await streamPart(zip, part, MAX_DOCUMENT_XML_BYTES, reader.parser);
  } catch (err) {
    if (err instanceof TableLimitError) return { ok: false, message: `Tài liệu Word: ${err.message}` };
    if (err instanceof PartTooLargeError) {
      return { ok: false, message: `Tài liệu Word quá lớn để đọc (hơn ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MB văn bản khi giải nén). Hãy tách riêng bảng phụ lục ra một tệp.` };
    }
    return { ok: false, message: 'Tài liệu Word (.docx) bị hỏng, không đọc được nội dung. Hãy mở bằng Word, lưu lại rồi tải lên lần nữa, hoặc lưu phụ lục dưới dạng .xlsx.' };
  }
  const grids = reader.result();
  if (!grids) return { ok: false, message: 'Tệp có cấu trúc của tài liệu Word nhưng không có nội dung văn bản đọc được. Hãy lưu lại bằng Word dưới dạng .docx.' };
  if (!grids.some((g) => g.rows.length)) {
    return {
      ok: false,
      message: grids.length
        ? 'Tài liệu Word chỉ có bảng trống. Phụ lục nhiệm vụ cần nằm trong một bảng có dòng tiêu đề cột (Tên nhiệm vụ, Đơn vị chủ trì…).'
        : 'Tài liệu Word không có bảng nào. Phụ lục nhiệm vụ cần nằm trong một bảng (Insert → Table) có dòng tiêu đề cột (Tên nhiệm vụ, Đơn vị chủ trì…).',
    };
  }
  return { ok: true, grids };
}
