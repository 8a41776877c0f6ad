import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, client, ok, useLoad } from '../lib/api';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { homePath, useSession } from '../lib/session';
import { BareLayout } from '../components/Layout';
import { Form, SubmitButton, TextField } from '../components/Form';
import { Loading, Notice } from '../components/States';
import { PageHeader } from '../components/PageHeader';

/** Only paths inside the app are followed after signing in (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

/** A wrong token is reported beside the token field, whatever the server's wording. */
function asTokenError(err: ApiError): ApiError {
  return err.details.length ? err : new ApiError(err.status, err.code, err.message, [{ field: 'token', message: err.message }]);
}

/**
 * What the address brings: a token to adopt (`?token=` from an admin's hand-over, `#session=` from the
 * province's identity provider) or a one-click sign-in link to redeem (`#link=`). The fragment never
 * reaches a server; it is read once and leaves the address bar with the first navigation.
 */
function arrivals(search: URLSearchParams, hash: string) {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    token: search.get('token') ?? search.get('session') ?? fragment.get('session'),
    link: fragment.get('link'),
    next: safeNext(search.get('next') ?? fragment.get('next')),
  };
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [arrived] = useState(() => arrivals(params, location.hash));
  const next = safeNext(params.get('next')) ?? arrived.next;
  const form = useForm({ token: '' });
  const mailForm = useForm({ email: '' });
  const [mailSent, setMailSent] = useState(false);
  const [linkState, setLinkState] = useState<'idle' | 'working' | 'failed'>(arrived.token || arrived.link ? 'working' : 'idle');
  const [linkError, setLinkError] = useState<ApiError | null>(null);
  const options = useLoad((signal) => ok(client.GET('/api/auth/options', { signal })), []);
  const tried = useRef(false);

  useEffect(() => {
    if ((!arrived.token && !arrived.link) || tried.current) return;
    tried.current = true;
    const leave = () => void navigate('/signin' + (next ? `?next=${encodeURIComponent(next)}` : ''), { replace: true });
    void (async () => {
      let token = arrived.token;
      if (arrived.link) {
        try {
          // The link is spent here, once: opening the address alone (a mail scanner) changed nothing.
          token = (await ok(client.POST('/api/auth/sessions', { body: { link: arrived.link } }))).token;
        } catch (err) {
          setLinkError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
          setLinkState('failed');
          leave();
          return;
        }
      }
      await form.run(async () => {
        try {
          const me = await session.signIn(token!);
          // The token leaves the address bar (and the history) once it is stored.
          void navigate(next ?? homePath(me.role), { replace: true });
        } catch (err) {
          setLinkState('failed');
          leave();
          throw err instanceof ApiError ? asTokenError(err) : err;
        }
      });
    })();
  }, [arrived, next, session, navigate, form]);

  if (session.status === 'signed-in' && session.me && linkState !== 'working') {
    return <Navigate to={next ?? homePath(session.me.role)} replace />;
  }

  const submit = () =>
    form.run(async () => {
      try {
        const me = await session.signIn(form.values.token.trim());
        void navigate(next ?? homePath(me.role), { replace: true });
      } catch (err) {
        throw err instanceof ApiError ? asTokenError(err) : err;
      }
    });

  const askForLink = () =>
    mailForm.run(async () => {
      setMailSent(false);
      await ok(client.POST('/api/auth/sign-in-links', { body: { email: mailForm.values.email.trim() } }));
      setMailSent(true);
    });

  const oidcHref = `/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;

  return (
    <BareLayout>
      <PageHeader title={t('signin.title')} lead={<p>{t('signin.lead')}</p>} />
      {linkState === 'working' && !form.error ? (
        <Loading label={t('signin.checkingLink')} />
      ) : (
        <>
          {linkError && (
            <Notice tone="error" title={t('signin.linkFailed')}>
              <p>{linkError.message}</p>
            </Notice>
          )}
          {options.data?.oidc && (
            <div className="card signin-oidc">
              {/* A full page load: the server sends the browser on to the province's sign-in page. */}
              <a className="button button--primary button--wide" href={oidcHref}>
                {t('signin.oidc')}
              </a>
              <p className="muted small">{t('signin.oidcHint')}</p>
            </div>
          )}
          <div className="card">
            {options.data?.oidc && <h2 className="section__title">{t('signin.orToken')}</h2>}
            <Form form={form} onSubmit={submit} label={t('signin.title')}>
              <TextField
                form={form}
                name="token"
                label={t('signin.token')}
                hint={t('signin.tokenHint')}
                input={{ type: 'password', autoComplete: 'current-password', spellCheck: false, autoCapitalize: 'off' }}
              />
              <div className="form__actions">
                <SubmitButton form={form}>{t('signin.submit')}</SubmitButton>
              </div>
            </Form>
          </div>
          {options.data?.mailLinks && (
            <section className="card" aria-labelledby="signin-mail-h">
              <h2 id="signin-mail-h" className="section__title">
                {t('signin.mailTitle')}
              </h2>
              <p className="muted small">{t('signin.mailLead')}</p>
              {mailSent && (
                <Notice tone="success" focus>
                  <p>{t('signin.mailSent')}</p>
                </Notice>
              )}
              <Form form={mailForm} onSubmit={askForLink} label={t('signin.mailTitle')}>
                <TextField form={mailForm} name="email" label={t('signin.mailEmail')} input={{ type: 'email', autoComplete: 'email' }} />
                <div className="form__actions">
                  <SubmitButton form={mailForm} variant="secondary">
                    {t('signin.mailSubmit')}
                  </SubmitButton>
                </div>
              </Form>
            </section>
          )}
        </>
      )}
      <p className="muted small">{t('signin.help')}</p>
    </BareLayout>
  );
}
