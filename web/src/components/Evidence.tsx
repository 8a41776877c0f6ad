/**
 * Evidence files (minh chứng): the field that uploads them with a report or a comment, their links in
 * the timeline, and the task's list of files. A file is uploaded as soon as it is chosen, so the API
 * judges its type and size at once and says so beside the field; the report then cites it by id.
 */
import { useRef, useState } from 'react';
import { ApiError, client, downloadFile, multipart, ok } from '../lib/api';
import { formatDateTime } from '../lib/format';
import type { FormState, FormValues } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useAgencies } from '../lib/agencies';
import { useMe } from '../lib/session';
import type { Attachment, EvidenceFile } from '../lib/types';
import { FieldFrame } from './Form';
import { ErrorBox, Loading } from './States';
import type { Loaded } from '../lib/api';

/** Withdraw an uploaded file that no report cites yet (the API refuses one that is cited). */
const deleteFile = (id: string) => ok(client.DELETE('/api/attachments/{id}', { params: { path: { id } } }));

const reasonOf = (err: unknown) => (err instanceof ApiError ? [err.message, ...err.details.map((d) => d.message)].join(' — ') : String(err));

/** The types the API accepts (it checks the content; this only filters the file chooser). */
const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const TYPE_LIST = Object.values(TYPES).join(', ');

export function fileSize(bytes: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

const typeLabel = (contentType: string) => TYPES[contentType] ?? contentType;

/**
 * Choose files to send with a form: each is uploaded to the task when chosen, and its id joins the
 * form's value `name` (a list), which the form sends as `attachmentIds`. The API's refusal of a file
 * (its type by content, its size) shows beside the field, like any other field's message.
 */
export function EvidenceField<V extends FormValues>({
  form,
  name,
  apiField,
  taskId,
  maxMB,
  label,
}: {
  form: FormState<V>;
  name: keyof V & string;
  /** The API's name for the list (`attachmentIds`, `tasks.2.attachmentIds`). */
  apiField?: string;
  taskId: string;
  maxMB?: number;
  label?: string;
}) {
  const { t, lang } = useI18n();
  const apiName = apiField ?? 'attachmentIds';
  const text = label ?? t('evidence.label');
  const [files, setFiles] = useState<Record<string, EvidenceFile>>({});
  const [status, setStatus] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = (form.values[name] as string[] | undefined) ?? [];

  const choose = async (chosen: File[]) => {
    setUploadError(null);
    setBusy(true);
    let current = ids;
    try {
      for (const file of chosen) {
        setStatus(t('evidence.uploading', { name: file.name }));
        try {
          const uploaded = await ok(client.POST('/api/tasks/{id}/attachments', { params: { path: { id: taskId } }, body: { file }, bodySerializer: multipart }));
          setFiles((known) => ({ ...known, [uploaded.id]: uploaded }));
          current = [...current, uploaded.id];
          form.set(name, current as V[typeof name]);
          setStatus(t('evidence.uploaded', { name: uploaded.fileName }));
        } catch (err) {
          setStatus('');
          setUploadError(`${file.name}: ${reasonOf(err)}`);
          return;
        }
      }
    } finally {
      setBusy(false);
    }
  };

  /** Taken off the form, and off the task: the file was uploaded for this form only, and nothing cites it yet. */
  const drop = async (fileId: string, fileName: string) => {
    form.set(name, ids.filter((x) => x !== fileId) as V[typeof name]);
    try {
      await deleteFile(fileId);
      setStatus(t('evidence.deleted', { name: fileName }));
    } catch (err) {
      setStatus(t('evidence.deleteFailed', { name: fileName, reason: reasonOf(err) }));
    }
  };

  return (
    <FieldFrame
      form={form}
      name={name}
      apiField={apiName}
      label={text}
      className="evidence"
      error={uploadError}
      hint={maxMB ? t('evidence.hintMax', { types: TYPE_LIST, max: maxMB.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN') }) : t('evidence.hint', { types: TYPE_LIST })}
    >
      {(a11y) => (
        <>
          {/* The browser's own file button speaks the browser's language: the input stays (focusable, labelled) and a button in the page's language stands for it. */}
          <div className="file-picker">
            <input
              {...a11y}
              ref={input}
              className="visually-hidden file-picker__input"
              type="file"
              multiple
              accept={ACCEPT}
              disabled={busy}
              onChange={(e) => {
                const chosen = [...(e.target.files ?? [])];
                // Cleared so the same file can be chosen again after a refusal.
                e.target.value = '';
                if (chosen.length) void choose(chosen);
              }}
            />
            <span className="button button--secondary button--small file-picker__button" aria-hidden="true" onClick={() => input.current?.click()}>
              {t('evidence.choose')}
            </span>
            <span className="muted small" aria-hidden="true">
              {ids.length ? t('evidence.count', { n: ids.length }) : t('evidence.noneChosen')}
            </span>
          </div>
          <p className="evidence__status small" role="status">
            {status}
          </p>
          {ids.length > 0 && (
            <ul className="evidence__list" aria-label={t('evidence.attached')}>
              {ids.map((fileId) => {
                const f = files[fileId];
                const fileName = f?.fileName ?? fileId;
                return (
                  <li key={fileId} className="evidence__item">
                    <span className="evidence__name">{fileName}</span>
                    {f && (
                      <span className="muted small">
                        {' '}
                        ({typeLabel(f.contentType)}, {fileSize(f.size, lang)})
                      </span>
                    )}{' '}
                    <button
                      type="button"
                      className="linklike small"
                      aria-label={t('evidence.remove', { name: fileName })}
                      onClick={() => void drop(fileId, fileName)}
                    >
                      {t('evidence.removeShort')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </FieldFrame>
  );
}

/** One file as a link that downloads it (the API wants the bearer token, so a plain href would not do). */
export function FileLink({ file }: { file: EvidenceFile }) {
  const { t, lang } = useI18n();
  return (
    <>
      <button type="button" className="linklike file-link" aria-label={t('evidence.download', { name: file.fileName })} onClick={() => void downloadFile(client.GET('/api/attachments/{id}', { params: { path: { id: file.id } }, parseAs: 'blob' }), file.fileName)}>
        {file.fileName}
      </button>{' '}
      <span className="muted small">
        ({typeLabel(file.contentType)}, {fileSize(file.size, lang)})
      </span>
    </>
  );
}

/** The files an event of the timeline carries. */
export function EventFiles({ files }: { files: EvidenceFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="evidence__list timeline__files" aria-label={t('evidence.attached')}>
      {files.map((f) => (
        <li key={f.id} className="evidence__item">
          <FileLink file={f} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Every file of the task: who sent it, when, and which reports cite it. A file no report cites yet can
 * be deleted, after a second click, by its uploader's agency or the coordinator.
 */
export function AttachmentList({ loaded }: { loaded: Loaded<{ items: Attachment[]; maxMB: number }> }) {
  const { t, tx } = useI18n();
  const me = useMe();
  const agencies = useAgencies();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const mayDelete = (a: Attachment) => a.citedBy.length === 0 && (me.role === 'coordinator' || (me.role === 'agency' && me.agencyCode === a.uploadedBy.agencyCode));
  const remove = async (a: Attachment) => {
    setError(null);
    try {
      await deleteFile(a.id);
      setConfirming(null);
      setStatus(t('evidence.deleted', { name: a.fileName }));
      loaded.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setConfirming(null);
      setError(err);
    }
  };
  return (
    <section className="section card detail--attachments" aria-labelledby="attachments-h">
      <h2 id="attachments-h" className="section__title">
        {t('evidence.title')}
      </h2>
      <p className="evidence__status small" role="status">
        {status}
      </p>
      {error && <ErrorBox error={error} />}
      {loaded.error ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p className="empty">{t('evidence.none')}</p>
      ) : (
        <ul className="reminders attachments">
          {loaded.data.items.map((a) => (
            <li key={a.id} className="reminders__item">
              <p className="reminders__kind">
                <FileLink file={a} />
              </p>
              <p className="small muted reminders__to">
                {t('evidence.by', {
                  name: [a.uploadedBy.name, a.uploadedBy.agencyCode ? agencies.nameOf(a.uploadedBy.agencyCode) : null].filter(Boolean).join(' — '),
                  date: formatDateTime(a.createdAt),
                })}
              </p>
              <p className="small reminders__to">
                {a.citedBy.length ? t('evidence.citedIn', { events: a.citedBy.map((c) => tx(`event.${c.type}`, c.type)).join('; ') }) : t('evidence.notCited')}
                {mayDelete(a) && confirming !== a.id && (
                  <>
                    {' '}
                    <button type="button" className="linklike small" aria-label={t('evidence.delete', { name: a.fileName })} onClick={() => setConfirming(a.id)}>
                      {t('evidence.deleteShort')}
                    </button>
                  </>
                )}
              </p>
              {confirming === a.id && (
                <div className="evidence__confirm small" role="group" aria-label={t('evidence.delete', { name: a.fileName })}>
                  <p>{t('evidence.deleteConfirm', { name: a.fileName })}</p>
                  <button type="button" className="button button--danger button--small" onClick={() => void remove(a)}>
                    {t('evidence.deleteYes')}
                  </button>{' '}
                  <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(null)}>
                    {t('evidence.keep')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
