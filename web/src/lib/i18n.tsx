/**
 * Vietnamese by default, English on request. The choice is kept in the browser so a clerk who
 * switched once is not switched back on every page; the page's `lang` follows it for screen readers.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type MessageKey } from './messages';
import type { Language } from './types';

const LANG_KEY = 'giaoviec.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
  /** A key built at run time (an event type, a reminder kind): its text, or `fallback` when there is none. */
  tx: (key: string, fallback: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'vi' || saved === 'en') return saved;
  } catch {
    // storage unavailable
  }
  return 'vi';
}

/** Whether the user picked a language in this browser (then the account's default does not apply). */
export function hasChosenLanguage(): boolean {
  try {
    return localStorage.getItem(LANG_KEY) !== null;
  } catch {
    return false;
  }
}

export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = messages[lang][key] ?? messages.vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // storage unavailable
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback) => (key in messages.vi ? translate(lang, key as MessageKey) : fallback),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
