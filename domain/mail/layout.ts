/**
 * The HTML frame of every mail: tables and inline styles only, since Outlook renders with Word's
 * engine and ignores <style> blocks, margins on divs and most modern CSS.
 */
import { escapeHtml } from './format';
import type { MailStrings } from './strings';

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export const COLORS = { text: '#1f2937', muted: '#6b7280', border: '#e5e7eb', brand: '#1d4ed8', danger: '#b91c1c', warning: '#b45309', copy: '#047857' };

/** A link drawn as a button; in clients that ignore padding it is still a plain, clickable link. */
export function buttonHtml(href: string, label: string, primary: boolean): string {
  const style = primary
    ? `background:${COLORS.brand};color:#ffffff;border:1px solid ${COLORS.brand};`
    : `background:#ffffff;color:${COLORS.brand};border:1px solid ${COLORS.brand};`;
  return `<a href="${escapeHtml(href)}" style="${style}${FONT}font-size:13px;font-weight:bold;text-decoration:none;padding:6px 12px;border-radius:4px;display:inline-block;margin:4px 8px 0 0;">${escapeHtml(label)}</a>`;
}

/** A heading row inside the body table. */
export function sectionHeadingHtml(title: string, color: string = COLORS.text): string {
  return `<tr><td style="padding:20px 24px 6px 24px;${FONT}font-size:16px;font-weight:bold;color:${color};border-bottom:2px solid ${color};">${escapeHtml(title)}</td></tr>`;
}

/** One row of the body table with the given (already escaped) HTML content. */
export const rowHtml = (content: string, padding = '12px 24px'): string =>
  `<tr><td style="padding:${padding};${FONT}font-size:14px;line-height:1.5;color:${COLORS.text};border-bottom:1px solid ${COLORS.border};">${content}</td></tr>`;

/** The whole document; `rows` are table rows built with the helpers above. */
export function documentHtml(s: MailStrings, subject: string, greeting: string, intro: string, rows: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${s.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:16px 8px;">`,
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:640px;max-width:100%;background:#ffffff;border:1px solid #d1d5db;">`,
    `<tr><td style="padding:14px 24px;background:${COLORS.brand};${FONT}font-size:18px;font-weight:bold;color:#ffffff;">${escapeHtml(s.brand)}</td></tr>`,
    `<tr><td style="padding:20px 24px 4px 24px;${FONT}font-size:14px;line-height:1.5;color:${COLORS.text};"><p style="margin:0 0 8px 0;">${escapeHtml(greeting)}</p>${intro ? `<p style="margin:0;">${escapeHtml(intro)}</p>` : ''}</td></tr>`,
    ...rows,
    `<tr><td style="padding:16px 24px;${FONT}font-size:12px;line-height:1.5;color:${COLORS.muted};">${escapeHtml(s.linkNote)}<br>${escapeHtml(s.footer)}</td></tr>`,
    '</table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
}

/** The plain-text part: greeting, intro, blocks separated by blank lines, footer. */
export function documentText(s: MailStrings, greeting: string, intro: string, blocks: string[]): string {
  return [greeting, '', ...(intro ? [intro, ''] : []), ...blocks.flatMap((b) => [b, '']), '-- ', s.linkNote, s.footer, ''].join('\n');
}
