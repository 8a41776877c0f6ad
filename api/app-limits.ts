/** Largest request body, and largest uploaded file: 10 MB (DESIGN.md §10: 413 above it). */
export const BODY_LIMIT = '10mb';
