/**
 * Who is signed in. The token is the only credential — a personal token, or a session's from a sign-in
 * link or the province account: it is kept in localStorage and sent as a bearer token; `GET /api/me`
 * says whose it is. A 401 anywhere ends the session.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, bearer, client, ok, onUnauthorized, storedToken, storeToken } from './api';
import { hasChosenLanguage, useI18n } from './i18n';
import type { Me } from './types';

interface Session {
  me: Me | null;
  status: 'loading' | 'signed-out' | 'signed-in';
  /** A network or server problem while checking a stored token (the token is kept). */
  problem: ApiError | null;
  signIn(token: string): Promise<Me>;
  signOut(): void;
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLang } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Session['status']>(() => (storedToken() ? 'loading' : 'signed-out'));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  const signOut = useCallback(() => {
    const token = storedToken();
    // A session opened by a sign-in link or the province account ends on the server too; a personal token is the user's key and stays.
    if (token?.startsWith('gvs_')) void ok(client.DELETE('/api/auth/session', { headers: bearer(token) })).catch(() => undefined);
    storeToken(null);
    setMe(null);
    setStatus('signed-out');
  }, []);

  const adopt = useCallback(
    (user: Me) => {
      setMe(user);
      setStatus('signed-in');
      setProblem(null);
      if (!hasChosenLanguage() && (user.language === 'vi' || user.language === 'en')) setLang(user.language);
    },
    [setLang],
  );

  useEffect(() => {
    const token = storedToken();
    if (!token) return;
    let cancelled = false;
    ok(client.GET('/api/me')).then(
      (user) => !cancelled && adopt(user),
      (err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiError && err.status === 401) signOut();
        else setProblem(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [adopt, signOut, attempt]);

  useEffect(() => onUnauthorized(signOut), [signOut]);

  const signIn = useCallback(
    async (token: string) => {
      const user = await ok(client.GET('/api/me', { headers: bearer(token) }));
      storeToken(token);
      adopt(user);
      return user;
    },
    [adopt],
  );

  const value = useMemo<Session>(
    () => ({ me, status, problem, signIn, signOut, retry: () => setAttempt((a) => a + 1) }),
    [me, status, problem, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user (only inside the signed-in part of the app). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/** Where each role starts. */
export function homePath(role: Me['role']): string {
  switch (role) {
    case 'coordinator':
      return '/plans';
    case 'agency':
      return '/portal';
    case 'viewer':
      return '/overview';
    case 'admin':
      return '/admin/users';
  }
}
