/**
 * The mail that carries a one-click sign-in link, asked for on the sign-in page: who it is for, the
 * button, until when it works, and what to do when one did not ask for it.
 */
import type { Language } from '../vocabulary';
import { Button, Row, documentHtml, documentText } from './layout';
import { oneLine } from './format';
import { SUBJECT_PREFIX } from './digest';
import { MAIL_STRINGS } from './strings';
import type { RenderedMail } from './types';

export interface SignInMailModel {
  language: Language;
  name: string;
  url: string;
  /** Already formatted for the reader: "09:15 ngày 29/11/2026". */
  expiresAt: string;
}

const TEXT = {
  vi: {
    subject: 'Liên kết đăng nhập',
    intro: 'Bạn (hoặc ai đó nhập địa chỉ thư của bạn) vừa đề nghị đăng nhập hệ thống Giao việc bằng liên kết.',
    button: 'Đăng nhập Giao việc',
    until: (at: string) => `Liên kết có hiệu lực đến ${at} và chỉ dùng được một lần.`,
    notYou: 'Nếu bạn không đề nghị, hãy bỏ qua thư này: không ai đăng nhập được nếu không có liên kết.',
    note: 'Không chuyển tiếp thư này: ai có liên kết đều đăng nhập được bằng tài khoản của bạn.',
  },
  en: {
    subject: 'Your sign-in link',
    intro: 'You (or someone who typed your address) asked to sign in to Giao việc with a link.',
    button: 'Sign in to Giao việc',
    until: (at: string) => `The link works until ${at}, once.`,
    notYou: 'If you did not ask for it, ignore this message: nobody can sign in without the link.',
    note: 'Do not forward this message: whoever has the link can sign in as you.',
  },
} as const;

export function renderSignInMail(model: SignInMailModel): RenderedMail {
  const s = MAIL_STRINGS[model.language];
  const t = TEXT[model.language];
  const strings = { ...s, linkNote: t.note };
  const subject = `${SUBJECT_PREFIX} ${t.subject}`;
  const greeting = s.greeting(oneLine(model.name));
  const html = documentHtml(
    strings,
    subject,
    greeting,
    t.intro,
    <Row>
      <Button href={model.url} label={t.button} primary />
      <p style={{ margin: '12px 0 0 0' }}>{t.until(model.expiresAt)}</p>
      <p style={{ margin: '8px 0 0 0' }}>{t.notYou}</p>
    </Row>,
  );
  const text = documentText(strings, greeting, t.intro, [`${t.button}: ${model.url}`, t.until(model.expiresAt), t.notYou]);
  return { subject, text, html };
}
