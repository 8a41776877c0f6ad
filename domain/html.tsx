/**
 * HTML documents (mails, the annual report) are rendered with React on the server: every value is a
 * text node or an attribute, which React escapes, so names and notes people typed cannot become markup.
 */
import { Fragment, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** A whole document: React cannot render the doctype itself. */
export const renderDocument = (html: ReactElement): string => `<!DOCTYPE html>\n${renderToStaticMarkup(html)}\n`;

/** Text with its line breaks kept as `<br>`. */
export function Lines({ text }: { text: string }) {
  return text.split(/\r?\n/).map((line, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {line}
    </Fragment>
  ));
}
