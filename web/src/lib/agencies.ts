/**
 * The agency directory, loaded once per session and shared by every page that shows an agency's
 * name or offers a choice of agencies. Admin edits call `invalidateAgencies()`.
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiError, client, ok } from './api';
import type { Agency } from './types';

let cache: Promise<Agency[]> | null = null;
const listeners = new Set<() => void>();

export function loadAgencies(): Promise<Agency[]> {
  if (!cache) {
    cache = ok(client.GET('/api/agencies')).then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export function invalidateAgencies(): void {
  cache = null;
  listeners.forEach((l) => l());
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export interface Directory {
  list: Agency[];
  byCode: Map<string, Agency>;
  loading: boolean;
  error?: ApiError;
  /** The agency's full name, or its code when the directory does not know it. */
  nameOf(code: string | null | undefined): string;
}

export function useAgencies(): Directory {
  const [state, setState] = useState<{ list: Agency[]; loading: boolean; error?: ApiError }>({ list: [], loading: true });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const l = () => setVersion((v) => v + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  useEffect(() => {
    let live = true;
    loadAgencies().then(
      (list) => live && setState({ list: [...list].sort((a, b) => collator.compare(a.name, b.name)), loading: false }),
      (err: unknown) => live && setState({ list: [], loading: false, error: err instanceof ApiError ? err : undefined }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return useMemo(() => {
    const byCode = new Map(state.list.map((a) => [a.code, a]));
    return { ...state, byCode, nameOf: (code) => (code ? (byCode.get(code)?.name ?? code) : '—') };
  }, [state]);
}

export { collator as viCollator };
