/**
 * Evidence files (minh chứng) attached to a task's reports: the types accepted, how a file's name is
 * made safe to store and to offer back, and what a command records of each file. Pure: the API detects
 * the type from the bytes, and the task machine (imported by workflows) checks what a command carries.
 */

/** The types accepted, by the MIME type detected from the content (never the one the browser claims). */
export const ATTACHMENT_TYPES = {
  'application/pdf': { extensions: ['pdf'], label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], label: 'DOCX' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], label: 'XLSX' },
  'image/png': { extensions: ['png'], label: 'PNG' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: 'JPEG' },
} as const satisfies Record<string, { extensions: readonly string[]; label: string }>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const isAttachmentType = (mime: string | undefined): mime is AttachmentType => mime !== undefined && Object.hasOwn(ATTACHMENT_TYPES, mime);

/** "PDF, DOCX, XLSX, PNG, JPEG", for messages and the upload field's hint. */
export const ATTACHMENT_TYPE_LABELS = Object.values(ATTACHMENT_TYPES)
  .map((t) => t.label)
  .join(', ');

/** What a command records of each evidence file: enough for the timeline to name and offer it. */
export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Files one report may carry: a completion report's minutes, decisions, photos. */
export const MAX_EVIDENCE_PER_COMMAND = 20;

const FILE_NAME_MAX = 180;
// Control characters, and what Windows, a shell or a Content-Disposition header would read as syntax.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name to store and offer back: the last part of whatever path the browser sent, NFC, without control
 * or bidi characters or the characters file systems and headers reserve, at most 180 characters, and
 * ending in an extension of the type the content really is (a PDF sent as "bao-cao.docx" is offered as
 * "bao-cao.pdf", so it opens in the right program).
 */
export function safeFileName(raw: string, type: AttachmentType): string {
  const last = raw.replaceAll('\\', '/').split('/').pop() ?? '';
  const name = last.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const extensions: readonly string[] = ATTACHMENT_TYPES[type].extensions;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const keep = extensions.includes(ext);
  // "bao-cao.docx" loses its wrong extension; "Quyết định 12.2024" keeps its last part.
  const base = (keep || /^[a-z][a-z0-9]{1,4}$/.test(ext) ? name.slice(0, dot) : name).replace(/[.\s]+$/, '') || 'minh-chung';
  const suffix = `.${keep ? name.slice(dot + 1) : extensions[0]}`;
  return `${[...base].slice(0, FILE_NAME_MAX - suffix.length).join('')}${suffix}`;
}

/** A size for people: "850 KB", "12,4 MB". */
export function formatFileSize(bytes: number, locale = 'vi-VN'): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
