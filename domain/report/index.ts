export * from './classify';
export * from './compile';
export type * from './types';
export * from './labels';
export { renderAnnualReportHtml } from './render-html';
