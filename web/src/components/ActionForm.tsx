import { useState, type ReactNode } from 'react';
import { useForm, type FormState, type FormValues } from '../lib/form';
import { Form, SubmitButton } from './Form';

/**
 * One command on a task as a small self-contained form: its own fields, its own errors from the API,
 * and a callback once the command went through.
 */
export function ActionForm<V extends FormValues>({
  id,
  title,
  description,
  initial,
  fields,
  submitLabel,
  variant = 'primary',
  send,
  onDone,
  collapsible,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  initial: V;
  fields?: (form: FormState<V>) => ReactNode;
  submitLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  send: (values: V) => Promise<unknown>;
  onDone: () => void;
  /** Shown closed behind its title (for the less common commands). */
  collapsible?: boolean;
}) {
  const form = useForm(initial);
  const [open, setOpen] = useState(!collapsible);
  const submit = () =>
    form.run(async () => {
      await send(form.values);
      form.reset();
      onDone();
    });
  const headingId = `${id}-h`;
  return (
    <section className={`action${collapsible ? ' action--collapsible' : ''}`} aria-labelledby={headingId} data-action={id}>
      <h3 id={headingId} className="action__title">
        {collapsible ? (
          <button type="button" className="disclosure" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen((o) => !o)}>
            {title}
          </button>
        ) : (
          title
        )}
      </h3>
      <div id={`${id}-body`} hidden={!open}>
        {description && <div className="action__description">{description}</div>}
        <Form form={form} onSubmit={submit} label={title}>
          {fields?.(form)}
          <div className="form__actions">
            <SubmitButton form={form} variant={variant}>
              {submitLabel}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </section>
  );
}
