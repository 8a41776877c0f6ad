import type { AgencyKind, Funding, TaskKind } from '../vocabulary';

/** Plain JSON throughout: the preview is sent to the browser as is and stored with the import job. */

export interface ImportProblem {
  /** 1-based file row, as a spreadsheet shows it. */
  row?: number;
  /** "C — Đơn vị chủ trì": column letter and header text. */
  column?: string;
  /** The task field concerned: title, lead, coordinating, timeframe, kind, funding, … */
  field?: string;
  severity: 'error' | 'warning';
  message: string;
  suggestions?: string[];
}

export interface ParsedLead {
  code: string;
  kind: AgencyKind;
  /** Members of a group lead (one task each); empty for a single agency or a group without members. */
  members: string[];
}

export interface ParsedTask {
  row: number;
  /** "I", "II"… or "A", "B"… of the section the task sits in. */
  sectionCode?: string;
  section?: string;
  /** STT/TT as printed; not unique. */
  number?: string;
  title: string;
  description?: string;
  leadText: string;
  leads: ParsedLead[];
  coordinatingText?: string;
  coordinatingAgencyCodes: string[];
  kind: TaskKind;
  kindText?: string;
  timeframeText?: string;
  startDate: string;
  dueDate: string;
  funding?: Funding;
  note?: string;
}

export const IMPORT_ROW_TYPES = ['title', 'header', 'section', 'task', 'total', 'blank'] as const;
export type ImportRowType = (typeof IMPORT_ROW_TYPES)[number];

export interface ImportRow {
  row: number;
  type: ImportRowType;
  /** Non-empty cells keyed by column letter ("A", "B", …). */
  cells: Record<string, string>;
  task?: ParsedTask;
  problems: ImportProblem[];
}

export interface ImportColumn {
  /** 0-based. */
  index: number;
  /** Header text; a two-level header is joined: "Thời gian thực hiện, hoàn thành 2019-2020". */
  header: string;
  field?: ImportField;
  /** Where `field` came from; absent when the column is not imported. */
  source?: ColumnSource;
  /** The first few values of the column below the header, to recognise it by. */
  samples?: string[];
}

/**
 * How a column's field was found: its header's wording (`header`), the choice remembered from an earlier
 * import of the same plan (`plan`), the coordinator's choice for this file (`user`), or a guess from
 * what its cells hold when the header says nothing the importer knows (`content`).
 */
export const COLUMN_SOURCES = ['header', 'plan', 'user', 'content'] as const;
export type ColumnSource = (typeof COLUMN_SOURCES)[number];

/** A column's field as the coordinator picks it; `ignore` leaves a column out. */
export type ColumnChoice = ImportField | 'ignore';

/** What the coordinator tells the importer beyond the file itself. */
export interface ImportOptions {
  /** Column letter → field, chosen in the wizard for this file. */
  mapping?: Record<string, ColumnChoice>;
  /** Folded header text → field, remembered from the plan's earlier imports. */
  remembered?: Record<string, ColumnChoice>;
  /** The worksheet or document table to read, by name; otherwise the first that has the required columns. */
  sheet?: string;
}

/** A name in a lead or coordinating cell that the agency directory does not know, over the whole file. */
export interface UnknownAgencyName {
  text: string;
  field: 'lead' | 'coordinating';
  /** File rows that use it. */
  rows: number[];
  /** Agencies spelled closest, best first. */
  suggestions: { code: string; name: string }[];
}

/** The task fields a column of an appendix can hold. */
export const IMPORT_FIELDS = [
  'number',
  'title',
  'lead',
  'coordinating',
  'timeframe',
  'fundingText',
  'amountRecurrent',
  'amountInvestment',
  'amountTotal',
  'kind',
  'description',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportSummary {
  /** Rows read from the file, title and blank rows included. */
  rows: number;
  tasks: number;
  sections: number;
  /** Task rows per lead cell, exactly as written. */
  byLeadText: Record<string, number>;
  /** Task rows per kind (`new`, `carried_over`, `recurring`). */
  byKind: Record<string, number>;
  /** Task rows per timeframe text as written (several timeframe columns joined by " | "; "" when blank). */
  byTimeframe: Record<string, number>;
  /** Task rows per funding text as written ("" when blank or absent). */
  byFunding: Record<string, number>;
  /** Task rows per coordinating-agency cell as written ("" when blank). */
  byCoordinatingText: Record<string, number>;
}

export const IMPORT_FORMATS = ['csv', 'xlsx', 'docx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A worksheet of a workbook or a table of a Word document: what a picker offers. */
export interface ImportSheet {
  /** The worksheet's name (XLSX), or "Bảng 1", "Bảng 2"… in document order (DOCX). */
  name: string;
  /** DOCX: the paragraphs just above the table ("PHỤ LỤC I … (Kèm theo Kế hoạch số …)"). */
  caption?: string;
  /** Rows in it, title rows included. */
  rows: number;
  columns: number;
  /** A header with a title and a lead column was found: this one can be imported. */
  hasHeader: boolean;
}

export interface ImportPreview {
  format: ImportFormat;
  fileSha256: string;
  /** The worksheet (XLSX) or table (DOCX) read. */
  sheetName?: string;
  /** Every worksheet or table in the file, in order; empty for CSV. */
  sheets: ImportSheet[];
  /** File row of the (first) header row. */
  headerRow?: number;
  columns: ImportColumn[];
  rows: ImportRow[];
  tasks: ParsedTask[];
  /** Every problem: those about the file as a whole, then every row's. */
  problems: ImportProblem[];
  /** No problem of severity `error`. */
  ok: boolean;
  summary: ImportSummary;
  /** Required fields no column holds: the wizard asks which column does. */
  missingFields: ImportField[];
  /** Every unknown agency name, once, for the wizard to resolve. */
  unknownNames: UnknownAgencyName[];
}

export interface ImportInput {
  data: Uint8Array;
  fileName?: string;
  contentType?: string;
}

/** A table as read from any file (CSV, XLSX sheet, DOCX table), before headers are found (domain/import/read.ts). */
export interface GridCell {
  text: string;
  /** A number as the spreadsheet stores it (XLSX number cells). */
  number?: number;
  /** `YYYY-MM-DD` for XLSX date cells. */
  date?: string;
  /** The formula of an XLSX formula cell (its cached result is in `text`). */
  formula?: string;
}

/** 0-based, inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The worksheet's name (XLSX), or "Bảng 1", "Bảng 2"… in document order (DOCX). */
  name?: string;
  /** DOCX: the paragraphs just above the table ("PHỤ LỤC I … (Kèm theo Kế hoạch số …)"). */
  caption?: string;
  /** rows[r][c]: file row r + 1, column c (0 = A). */
  rows: (GridCell | undefined)[][];
  merges: MergeRange[];
  /** The largest number of columns of any row. */
  width: number;
}
