/**
 * The one way the UI talks to the API: `client` is openapi-fetch over the types generated from the
 * route specs (api-schema.d.ts), so a path, its parameters, its body and its reply are checked by the
 * compiler; the session's bearer token is added to every request; `ok` turns an error reply into an
 * `ApiError` that keeps the API's `details` so forms can show each message beside the field it names.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import createClient from 'openapi-fetch';
import type { paths } from './api-schema';
import type { ErrorDetail, Task, TaskQuery } from './types';

const TOKEN_KEY = 'giaoviec.token';

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Private browsing without storage: the session lasts until the tab closes.
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Told when the server no longer accepts the token, so the app can return to the sign-in screen. */
type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** `Authorization` with a token, for the calls made before it is the session's (signing in). */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const client = createClient<paths>({
  // The API reads a list filter as one comma-separated value (`status=assigned,in_progress`).
  querySerializer: { array: { style: 'form', explode: false } },
});

client.use({
  onRequest({ request }) {
    const token = storedToken();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // Only the session's own token being refused ends the session, not a token being tried.
    const token = storedToken();
    if (response.status === 401 && token && request.headers.get('authorization') === `Bearer ${token}`) unauthorizedListeners.forEach((l) => l());
    return response;
  },
});

function errorOf(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
  const fallback = status >= 500 ? 'Máy chủ đang gặp sự cố, xin thử lại sau.' : `Yêu cầu không thành công (HTTP ${status}).`;
  return new ApiError(status, e?.code ?? `http_${status}`, e?.message ?? fallback, Array.isArray(e?.details) ? e.details : []);
}

/** A multipart body, part by part: openapi-fetch's `bodySerializer` for file uploads. */
export function multipart(parts: unknown): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(parts as Record<string, string | Blob | undefined>)) if (value !== undefined) body.append(name, value);
  return body;
}

/** What every `client` call resolves to. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call's reply, or an `ApiError` (status 0 when the server could not be reached). */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!answer.response.ok) throw errorOf(answer.response.status, answer.error);
  return answer.data as T;
}

/** Every task the filters select, page after page, up to `max` (a plan has at most a few thousand). */
export async function fetchAllTasks(query: TaskQuery, opts: { signal?: AbortSignal; max?: number } = {}): Promise<Task[]> {
  const max = opts.max ?? 5000;
  const items: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(client.GET('/api/tasks', { params: { query: { ...query, limit: 200, cursor } }, signal: opts.signal }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data without a round trip (after a command returned the new state). */
  setData: (data: T) => void;
}

/**
 * Load something when the component shows and whenever `key` changes; `load` receives an abort
 * signal so a page left before its data arrived does not update.
 */
export function useLoad<T>(load: ((signal: AbortSignal) => Promise<T>) | null, key: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: load !== null });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyString = JSON.stringify(key);

  useEffect(() => {
    const fn = loadRef.current;
    if (!fn) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    fn(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'client', (err as Error)?.message ?? String(err));
        setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [keyString, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}

/** Save a file the API serves behind the bearer token (a plain link would not send it). */
export async function downloadFile(call: Promise<Answer<Blob>>, fileName: string): Promise<void> {
  const blob = await ok(call);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
