/**
 * Form state for the API's validation model: values as typed, the last error reply, and for each field
 * the messages whose `field` names it (`percent`, `funding.amounts.total`, `query.status`, `tasks.2.percent`).
 * Nothing is validated in the browser beyond what a widget does by nature: the API is the judge and the
 * form shows its words beside the field.
 */
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from './api';
import type { ErrorDetail } from './types';

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

export interface FormState<V extends FormValues> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  setValues(values: V): void;
  reset(): void;
  error: ApiError | null;
  setError(error: ApiError | null): void;
  busy: boolean;
  /** Run a submission: clears the last error, keeps an ApiError for display, rethrows anything else. */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  /** The API's messages about this field (or its sub-fields), joined. */
  fieldError(name: string): string | undefined;
  /** The element id of a field, stable for the life of the form. */
  idOf(name: string): string;
  /** Fields shown by this form and their labels, for the error summary's links. */
  register(name: string, label: string): void;
  labelOf(field: string): { name: string; label: string } | undefined;
}

/** Does this detail concern field `name`? Exact, or a sub-path of it (`coordinatingAgencies.1`). */
export function detailMatches(detail: ErrorDetail, name: string): boolean {
  const f = detail.field;
  if (!f) return false;
  return f === name || f.startsWith(`${name}.`) || f.startsWith(`${name}[`);
}

export function useForm<V extends FormValues>(initial: V): FormState<V> {
  const rawId = useId();
  const prefix = `f${rawId.replace(/[^\w-]/g, '')}`;
  const initialRef = useRef(initial);
  const [values, setValuesState] = useState<V>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = useRef(new Map<string, string>());

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => setValuesState((v) => ({ ...v, [name]: value })), []);
  const reset = useCallback(() => {
    setValuesState(initialRef.current);
    setError(null);
  }, []);

  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ApiError) {
        setError(err);
        return undefined;
      }
      throw err;
    } finally {
      setBusy(false);
    }
  }, []);

  return useMemo<FormState<V>>(
    () => ({
      values,
      set,
      setValues: setValuesState,
      reset,
      error,
      setError,
      busy,
      run,
      fieldError(name) {
        const messages = (error?.details ?? []).filter((d) => detailMatches(d, name)).map((d) => d.message);
        return messages.length ? [...new Set(messages)].join('; ') : undefined;
      },
      idOf: (name) => `${prefix}-${name.replace(/[^\w-]/g, '_')}`,
      register(name, label) {
        labels.current.set(name, label);
      },
      labelOf(field) {
        let best: { name: string; label: string } | undefined;
        for (const [name, label] of labels.current) {
          if (detailMatches({ field, message: '' }, name) && (!best || name.length > best.name.length)) best = { name, label };
        }
        return best;
      },
    }),
    [values, set, reset, error, busy, run, prefix],
  );
}

/**
 * What the user typed, sent for the API to judge: blank (null) or text that is not the number the
 * field wants goes as it is, the API refuses it and names the field, and its message shows beside the
 * field. The generated types describe only valid bodies; this says the value may not be one.
 */
export const unchecked = <T>(value: T | null | string | undefined) => value as T;
