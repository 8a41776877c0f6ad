/** Mail templates (DESIGN.md §7): pure, in Vietnamese (default) and English, text and HTML. */
export * from './types';
export * from './kinds';
export { renderDigest, digestSubject, SUBJECT_PREFIX } from './digest';
export { renderNotice } from './notice';
export { renderSignInMail, type SignInMailModel } from './sign-in';
export { formatDate, daysBetween } from './format';
export { MAIL_STRINGS, type MailStrings } from './strings';
