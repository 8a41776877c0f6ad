export { assertImportSize, ImportTooLargeError, MAX_IMPORT_BYTES, previewImport } from './preview';
export type { ImportContext } from './sheet-context';
export { readSpreadsheet, detectDelimiter, columnLetter, MAX_ROWS, MAX_COLUMNS, type ReadResult } from './read';
export { findHeader, headerField, columnLabel, type HeaderColumn, type HeaderInfo } from './headers';
export { parseFundingSources, parseTaskKind } from './funding';
export type * from './types';
