/**
 * The HTML frame of every mail: tables and inline styles only, since Outlook renders with Word's
 * engine and ignores <style> blocks, margins on divs and most modern CSS.
 */
import type { CSSProperties, ReactNode } from 'react';
import { renderDocument } from '../html';
import type { MailStrings } from './strings';

export const FONT: CSSProperties = { fontFamily: 'Arial,Helvetica,sans-serif' };

export const COLORS = { text: '#1f2937', muted: '#6b7280', border: '#e5e7eb', brand: '#1d4ed8', danger: '#b91c1c', warning: '#b45309', copy: '#047857' };

/** A link drawn as a button; in clients that ignore padding it is still a plain, clickable link. */
export function Button({ href, label, primary }: { href: string; label: string; primary: boolean }) {
  const colors: CSSProperties = primary
    ? { background: COLORS.brand, color: '#ffffff', border: `1px solid ${COLORS.brand}` }
    : { background: '#ffffff', color: COLORS.brand, border: `1px solid ${COLORS.brand}` };
  const style: CSSProperties = { ...colors, ...FONT, fontSize: '13px', fontWeight: 'bold', textDecoration: 'none', padding: '6px 12px', borderRadius: '4px', display: 'inline-block', margin: '4px 8px 0 0' };
  return (
    <a href={href} style={style}>
      {label}
    </a>
  );
}

/** A heading row inside the body table. */
export function SectionHeading({ title, color = COLORS.text }: { title: string; color?: string }) {
  return (
    <tr>
      <td style={{ padding: '20px 24px 6px 24px', ...FONT, fontSize: '16px', fontWeight: 'bold', color, borderBottom: `2px solid ${color}` }}>{title}</td>
    </tr>
  );
}

/** One row of the body table. */
export function Row({ children, padding = '12px 24px' }: { children: ReactNode; padding?: string }) {
  return (
    <tr>
      <td style={{ padding, ...FONT, fontSize: '14px', lineHeight: 1.5, color: COLORS.text, borderBottom: `1px solid ${COLORS.border}` }}>{children}</td>
    </tr>
  );
}

/** Presentation tables: no spacing of their own, ignored by screen readers. */
const LAYOUT = { role: 'presentation', cellPadding: 0, cellSpacing: 0, border: 0 } as const;

/** The whole document; `rows` are table rows built with the components above. */
export function documentHtml(s: MailStrings, subject: string, greeting: string, intro: string, rows: ReactNode): string {
  return renderDocument(
    <html lang={s.htmlLang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style={{ margin: 0, padding: 0, background: '#f3f4f6' }}>
        <table {...LAYOUT} width="100%" style={{ background: '#f3f4f6' }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: '16px 8px' }}>
                <table {...LAYOUT} width="640" style={{ width: '640px', maxWidth: '100%', background: '#ffffff', border: '1px solid #d1d5db' }}>
                  <tbody>
                    <tr>
                      <td style={{ padding: '14px 24px', background: COLORS.brand, ...FONT, fontSize: '18px', fontWeight: 'bold', color: '#ffffff' }}>{s.brand}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: '20px 24px 4px 24px', ...FONT, fontSize: '14px', lineHeight: 1.5, color: COLORS.text }}>
                        <p style={{ margin: '0 0 8px 0' }}>{greeting}</p>
                        {intro && <p style={{ margin: 0 }}>{intro}</p>}
                      </td>
                    </tr>
                    {rows}
                    <tr>
                      <td style={{ padding: '16px 24px', ...FONT, fontSize: '12px', lineHeight: 1.5, color: COLORS.muted }}>
                        {s.linkNote}
                        <br />
                        {s.footer}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>,
  );
}

/** The plain-text part: greeting, intro, blocks separated by blank lines, footer. */
export function documentText(s: MailStrings, greeting: string, intro: string, blocks: string[]): string {
  return [greeting, '', ...(intro ? [intro, ''] : []), ...blocks.flatMap((b) => [b, '']), '-- ', s.linkNote, s.footer, ''].join('\n');
}
