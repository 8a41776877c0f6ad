/**
 * Form pieces that follow one accessible pattern: a visible label, an optional hint, the API's message
 * for the field right under the label (announced through aria-describedby, the input marked
 * aria-invalid), and at the top of the form a summary that takes focus and links to each field.
 */
import { useEffect, useRef, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FormState, FormValues } from '../lib/form';
import { useI18n } from '../lib/i18n';

interface FieldProps<V extends FormValues> {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** The API's field name when it differs from the form's (e.g. form `percent_3` ↔ API `tasks.3.percent`). */
  apiField?: string;
  className?: string;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/**
 * A field's label, hint and message around the control `children` draws with the ids it is given.
 * `error` is a message of the control's own (a failed upload) shown before the API's.
 */
export function FieldFrame<V extends FormValues>(
  props: FieldProps<V> & { children: (a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode; as?: 'div' | 'fieldset'; error?: string | null },
) {
  const { t } = useI18n();
  const { form, name, label, hint, required, className } = props;
  const apiField = props.apiField ?? name;
  form.register(apiField, label);
  const id = form.idOf(apiField);
  const error = props.error ?? form.fieldError(apiField);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const a11y = { id, 'aria-describedby': describedBy(hintId, errorId), ...(error ? { 'aria-invalid': true as const } : {}) };
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && <span className="field__required"> {t('form.required')}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {props.children(a11y)}
    </div>
  );
}

type InputExtras = Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'value' | 'onChange' | 'id'>;

export function TextField<V extends FormValues>(props: FieldProps<V> & { input?: InputExtras }) {
  const { form, name } = props;
  return (
    <FieldFrame {...props}>
      {(a11y) => (
        <input
          className="input"
          type="text"
          name={name}
          {...props.input}
          {...a11y}
          value={String(form.values[name] ?? '')}
          onChange={(e) => form.set(name, e.target.value as V[typeof name])}
        />
      )}
    </FieldFrame>
  );
}

/** A date typed as Vietnamese documents write it (dd/mm/yyyy); the page converts it for the API. */
export function DateField<V extends FormValues>(props: FieldProps<V>) {
  const { t } = useI18n();
  return (
    <TextField
      {...props}
      hint={props.hint ?? t('form.dateHint')}
      input={{ inputMode: 'numeric', autoComplete: 'off', placeholder: 'dd/mm/yyyy', className: 'input input--date' }}
    />
  );
}

export function TextAreaField<V extends FormValues>(props: FieldProps<V> & { rows?: number }) {
  const { form, name } = props;
  return (
    <FieldFrame {...props}>
      {(a11y) => (
        <textarea
          className="input textarea"
          name={name}
          rows={props.rows ?? 3}
          {...a11y}
          value={String(form.values[name] ?? '')}
          onChange={(e) => form.set(name, e.target.value as V[typeof name])}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export function SelectField<V extends FormValues>(props: FieldProps<V> & { options: Option[]; placeholder?: string }) {
  const { form, name, options } = props;
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (list: Option[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <FieldFrame {...props}>
      {(a11y) => (
        <select className="input select" name={name} {...a11y} value={String(form.values[name] ?? '')} onChange={(e) => form.set(name, e.target.value as V[typeof name])}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {groups.length > 1
            ? groups.map((g) => (
                <optgroup key={g} label={g}>
                  {render(options.filter((o) => (o.group ?? '') === g))}
                </optgroup>
              ))
            : render(options)}
        </select>
      )}
    </FieldFrame>
  );
}

/** Radio buttons or checkboxes in a fieldset whose legend is the label. */
export function ChoiceField<V extends FormValues>(props: FieldProps<V> & { options: Option[]; multiple?: boolean; inline?: boolean; filter?: string }) {
  const { t } = useI18n();
  const { form, name, label, hint, options, multiple, required } = props;
  const apiField = props.apiField ?? name;
  form.register(apiField, label);
  const id = form.idOf(apiField);
  const error = form.fieldError(apiField);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const value = form.values[name];
  const selected = new Set(Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []);
  const needle = props.filter?.trim().toLocaleLowerCase('vi');
  const shown = needle ? options.filter((o) => selected.has(o.value) || o.label.toLocaleLowerCase('vi').includes(needle)) : options;
  const toggle = (v: string, checked: boolean) => {
    if (!multiple) return form.set(name, v as V[typeof name]);
    const next = new Set(selected);
    if (checked) next.add(v);
    else next.delete(v);
    form.set(name, options.filter((o) => next.has(o.value)).map((o) => o.value) as V[typeof name]);
  };
  return (
    <fieldset className={`field choice${error ? ' field--error' : ''}`} aria-describedby={describedBy(hintId, errorId)} id={id} tabIndex={-1}>
      <legend className="field__label">
        {label}
        {required && <span className="field__required"> {t('form.required')}</span>}
      </legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className={`choice__list${props.inline ? ' choice__list--inline' : ''}${shown.length > 8 ? ' choice__list--scroll' : ''}`}>
        {shown.map((o) => {
          const optionId = `${id}-${o.value.replace(/[^\w-]/g, '_')}`;
          return (
            <div className="choice__item" key={o.value}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={optionId}
                name={name}
                value={o.value}
                checked={selected.has(o.value)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The summary at the top of a form: the API's message, then every detail linked to its field. */
export function ErrorSummary<V extends FormValues>({ form }: { form: FormState<V> }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const error = form.error;
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h3 className="error-summary__title">{t('form.errorTitle')}</h3>
      <p className="error-summary__message">{error.message}</p>
      {error.details.length > 0 && (
        <ul className="error-summary__list">
          {error.details.map((d, i) => {
            const target = d.field ? form.labelOf(d.field) : undefined;
            const where = [d.row !== undefined ? t('form.row', { row: d.row }) : '', d.column ?? ''].filter(Boolean).join(', ');
            const text = `${target ? `${target.label}: ` : d.field ? `${d.field}: ` : ''}${where ? `${where}: ` : ''}${d.message}`;
            return (
              <li key={i}>
                {target ? (
                  <a
                    href={`#${form.idOf(target.name)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(form.idOf(target.name))?.focus();
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function Form<V extends FormValues>({
  form,
  onSubmit,
  children,
  className,
  label,
}: {
  form: FormState<V>;
  onSubmit: () => Promise<unknown> | void;
  children: ReactNode;
  className?: string;
  /** Accessible name of the form (a landmark when named). */
  label?: string;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    void onSubmit();
  };
  return (
    <form className={`form${className ? ` ${className}` : ''}`} noValidate onSubmit={submit} aria-label={label}>
      <ErrorSummary form={form} />
      {children}
    </form>
  );
}

export function SubmitButton<V extends FormValues>({ form, children, variant = 'primary' }: { form: FormState<V>; children: ReactNode; variant?: 'primary' | 'secondary' | 'danger' }) {
  const { t } = useI18n();
  return (
    <button type="submit" className={`button button--${variant}`} disabled={form.busy} aria-busy={form.busy || undefined}>
      {form.busy ? t('common.working') : children}
    </button>
  );
}
