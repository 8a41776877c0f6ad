import { useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../lib/api';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { homePath, useSession } from '../lib/session';
import { BareLayout } from '../components/Layout';
import { Form, SubmitButton, TextField } from '../components/Form';
import { Loading } from '../components/States';
import { PageHeader } from '../components/PageHeader';

/** Only paths inside the app are followed after signing in (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** A wrong token is reported beside the token field, whatever the server's wording. */
function asTokenError(err: ApiError): ApiError {
  return err.details.length ? err : new ApiError(err.status, err.code, err.message, [{ field: 'token', message: err.message }]);
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A one-click link from an email arrives with the token in the address.
  const linkToken = params.get('token') ?? params.get('session');
  const next = safeNext(params.get('next'));
  const form = useForm({ token: '' });
  const [linkState, setLinkState] = useState<'idle' | 'working' | 'failed'>(linkToken ? 'working' : 'idle');
  const tried = useRef(false);

  useEffect(() => {
    if (!linkToken || tried.current) return;
    tried.current = true;
    void form.run(async () => {
      try {
        const me = await session.signIn(linkToken);
        // The token leaves the address bar (and the history) once it is stored.
        void navigate(next ?? homePath(me.role), { replace: true });
      } catch (err) {
        setLinkState('failed');
        void navigate('/signin' + (next ? `?next=${encodeURIComponent(next)}` : ''), { replace: true });
        throw err instanceof ApiError ? asTokenError(err) : err;
      }
    });
  }, [linkToken, next, session, navigate, form]);

  if (session.status === 'signed-in' && session.me && !linkToken && linkState !== 'working') {
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

  return (
    <BareLayout>
      <PageHeader title={t('signin.title')} lead={<p>{t('signin.lead')}</p>} />
      {linkState === 'working' && !form.error ? (
        <Loading label={t('signin.checkingLink')} />
      ) : (
        <div className="card">
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
      )}
      <p className="muted small">{t('signin.help')}</p>
    </BareLayout>
  );
}
