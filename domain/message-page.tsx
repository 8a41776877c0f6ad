/**
 * A small page in the product's language for a person who arrived from outside the app: a link in
 * a mail, or the province's sign-in provider sending them back. Title, a few sentences, one action.
 */
import { renderDocument } from './html';

export interface PageAction {
  label: string;
  href?: string;
  /** A button that posts back to the same address (a mail scanner that follows links must not act). */
  post?: boolean;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}' +
  'h1{font-size:1.4rem}button,.button{display:inline-block;background:#12355b;color:#fff;border:0;border-radius:6px;padding:.7rem 1.2rem;font-size:1rem;text-decoration:none;cursor:pointer}';

export function renderMessagePage(title: string, paragraphs: string[], action?: PageAction): string {
  return renderDocument(
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Giao việc`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <p>
          <strong>Giao việc</strong>
        </p>
        <h1>{title}</h1>
        {paragraphs.map((text, i) => (
          <p key={i}>{text}</p>
        ))}
        {action?.post && (
          <form method="post">
            <button type="submit">{action.label}</button>
          </form>
        )}
        {action && !action.post && (
          <p>
            <a className="button" href={action.href ?? '/'}>
              {action.label}
            </a>
          </p>
        )}
      </body>
    </html>,
  );
}
