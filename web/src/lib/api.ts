/**
 * The one way the UI talks to the API: bearer token from the session, JSON in and out, and every
 * error reply turned into an `ApiError` that keeps the API's `details` so forms can show each message
 * beside the field it names.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorDetail, Page } from './types';

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

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  query?: Query;
  signal?: AbortSignal;
  /** Use this token instead of the session's (signing in). */
  token?: string;
  /** Read the reply as a file instead of JSON. */
  as?: 'json' | 'blob' | 'text';
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
  const fallback = res.status >= 500 ? 'Máy chủ đang gặp sự cố, xin thử lại sau.' : `Yêu cầu không thành công (HTTP ${res.status}).`;
  return new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? fallback, Array.isArray(e?.details) ? e.details : []);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.as === 'blob' || opts.as === 'text' ? '*/*' : 'application/json' };
  const token = opts.token ?? storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401 && !opts.token) unauthorizedListeners.forEach((l) => l());
    throw error;
  }
  if (opts.as === 'blob') return (await res.blob()) as T;
  if (opts.as === 'text') return (await res.text()) as T;
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** Every page of a cursor-paged list, up to `max` items (a plan has at most a few thousand tasks). */
export async function fetchAll<T>(path: string, query: Query = {}, opts: { signal?: AbortSignal; max?: number } = {}): Promise<T[]> {
  const max = opts.max ?? 5000;
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<T>>(path, { query: { ...query, limit: 200, cursor }, signal: opts.signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}

/** Lists may come as an array or wrapped as `{items}`. */
export function itemsOf<T>(reply: T[] | { items: T[] } | null | undefined): T[] {
  if (!reply) return [];
  return Array.isArray(reply) ? reply : (reply.items ?? []);
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

/** Download a file the API serves behind the bearer token (a plain link would not send it). */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const blob = await request<Blob>('GET', path, { as: 'blob' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
