export * from './classify';
export * from './compile';
export * from './labels';
export { renderAnnualReportHtml } from './render-html';
