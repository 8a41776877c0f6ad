import { Fragment, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, request, useLoad } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { columnLetter, formatDate } from '../lib/format';
import { useForm, type FormState } from '../lib/form';
import { useI18n } from '../lib/i18n';
import type { ImportDryRun, ImportJob, ImportProblem, ImportRow, Plan } from '../lib/types';
import type { ColumnChoice } from '../../../domain/import/types';
import { ErrorSummary } from '../components/Form';
import { ColumnMapping } from '../components/import/ColumnMapping';
import { ImportDiffView } from '../components/import/ImportDiffView';
import { UnknownNames } from '../components/import/UnknownNames';
import { PageHeader } from '../components/PageHeader';
import { Async, Notice } from '../components/States';

type Step = 'upload' | 'preview' | 'commit';

interface CommitReply {
  alreadyImported: boolean;
  job?: ImportJob;
}

/** What the coordinator decided in the wizard, sent with the file. */
interface Choices {
  /** The worksheet or Word table read; by default the first whose columns hold a title and a lead. */
  sheet?: string;
  mapping: Record<string, ColumnChoice>;
  cancelRemoved: string[];
}

const POLL_MS = 1000;

/** "C — Đơn vị chủ trì" → "C". */
const letterOf = (column: string | undefined) => column?.match(/^([A-Z]{1,3})\b/)?.[1];

function Steps({ step }: { step: Step }) {
  const { t } = useI18n();
  const steps: { key: Step; label: string }[] = [
    { key: 'upload', label: t('import.step1') },
    { key: 'preview', label: t('import.step2') },
    { key: 'commit', label: t('import.step3') },
  ];
  const current = steps.findIndex((s) => s.key === step);
  return (
    <ol className="steps" aria-label={t('import.steps')}>
      {steps.map((s, i) => (
        <li key={s.key} className={`steps__item${i < current ? ' steps__item--done' : ''}${i === current ? ' steps__item--current' : ''}`} aria-current={i === current ? 'step' : undefined}>
          <span className="steps__number" aria-hidden="true">
            {i < current ? '✓' : i + 1}
          </span>
          {s.label}
          {i < current && <span className="visually-hidden"> ({t('import.stepDone')})</span>}
        </li>
      ))}
    </ol>
  );
}

export function ImportWizardPage() {
  const { planId = '' } = useParams();
  const { t } = useI18n();
  const plan = useLoad((signal) => api.get<Plan>(`/api/plans/${planId}`, { signal }), [planId]);
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportDryRun | null>(null);
  const [choices, setChoices] = useState<Choices>({ mapping: {}, cancelRemoved: [] });
  const [job, setJob] = useState<CommitReply | null>(null);
  const form = useForm<Record<string, never>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  const body = (c: Choices) => {
    const data = new FormData();
    if (file) data.set('file', file, file.name);
    const options = {
      ...(Object.keys(c.mapping).length ? { mapping: c.mapping } : {}),
      ...(c.cancelRemoved.length ? { cancelRemoved: c.cancelRemoved } : {}),
    };
    if (Object.keys(options).length) data.set('options', JSON.stringify(options));
    return data;
  };

  const check = (c: Choices = choices) =>
    form.run(async () => {
      if (!file) throw new ApiError(422, 'invalid_data', t('import.noFile'), [{ field: 'file', message: t('import.chooseFile') }]);
      const result = await request<ImportDryRun>('POST', `/api/plans/${planId}/import`, { query: { dryRun: 'true', sheet: c.sheet }, form: body(c) });
      setPreview(result);
      setStep('preview');
    });

  /** A new choice; the file is checked again when it changes how the file reads (not for a tick to cancel). */
  const choose = (next: Choices, recheck = true) => {
    setChoices(next);
    if (recheck) void check(next);
  };

  const commit = () =>
    form.run(async () => {
      // The table the preview read: its column letters are the ones the mapping names.
      const reply = await request<CommitReply>('POST', `/api/plans/${planId}/import`, { query: { sheet: choices.sheet ?? preview?.sheetName }, form: body(choices) });
      setJob(reply);
      setStep('commit');
    });

  const restart = () => {
    setStep('upload');
    setPreview(null);
    setChoices({ mapping: {}, cancelRemoved: [] });
    setJob(null);
    setFile(null);
    form.setError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const fileError = form.fieldError('file');
  const fileId = form.idOf('file');
  form.register('file', t('import.file'));
  return (
    <Async loaded={plan}>
      {(p) => (
        <>
          <PageHeader
            kicker={p.documentNumber}
            title={t('import.title')}
            crumbs={[
              { label: t('plans.title'), to: '/plans' },
              { label: p.documentNumber, to: `/plans/${p.id}` },
              { label: t('import.title') },
            ]}
            lead={<p>{t('import.lead')}</p>}
          />
          <Steps step={step} />
          {step === 'upload' && (
            <div className="card">
              <form
                className="form"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void check();
                }}
                aria-label={t('import.step1')}
              >
                <ErrorSummary form={form} />
                <div className={`field${fileError ? ' field--error' : ''}`}>
                  <label className="field__label" htmlFor={fileId}>
                    {t('import.file')}
                  </label>
                  <p className="field__hint" id={`${fileId}-hint`}>
                    {t('import.fileHint')}
                  </p>
                  {fileError && (
                    <p className="field__error" id={`${fileId}-error`}>
                      <span className="visually-hidden">{t('form.errorPrefix')} </span>
                      {fileError}
                    </p>
                  )}
                  <input
                    ref={fileInput}
                    id={fileId}
                    className="input input--file"
                    type="file"
                    name="file"
                    accept=".csv,.xlsx,.docx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
                    aria-invalid={fileError ? true : undefined}
                    onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  />
                </div>
                <div className="form__actions">
                  <button type="submit" className="button button--primary" disabled={form.busy}>
                    {form.busy ? t('import.checking') : t('import.check')}
                  </button>
                </div>
              </form>
            </div>
          )}
          {step === 'preview' && preview && (
            <PreviewStep
              planId={p.id}
              preview={preview}
              choices={choices}
              fileName={file?.name ?? ''}
              form={form}
              onChoose={choose}
              onRecheck={() => void check()}
              onCommit={() => void commit()}
              onRestart={restart}
            />
          )}
          {step === 'commit' && job && <CommitStep planId={p.id} reply={job} onRestart={restart} />}
        </>
      )}
    </Async>
  );
}

function PreviewStep({
  planId,
  preview,
  choices,
  fileName,
  form,
  onChoose,
  onRecheck,
  onCommit,
  onRestart,
}: {
  planId: string;
  preview: ImportDryRun;
  choices: Choices;
  fileName: string;
  form: FormState<Record<string, never>>;
  onChoose: (next: Choices, recheck?: boolean) => void;
  onRecheck: () => void;
  onCommit: () => void;
  onRestart: () => void;
}) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const [onlyProblems, setOnlyProblems] = useState(!preview.ok);
  const errors = preview.problems.filter((p) => p.severity === 'error');
  const warnings = preview.problems.filter((p) => p.severity === 'warning');
  const fileProblems = preview.problems.filter((p) => p.row === undefined);
  const columns = [...preview.columns].sort((a, b) => a.index - b.index);
  const shownRows = preview.rows.filter((r) => r.type !== 'blank' && (!onlyProblems || r.problems.length > 0));
  const summaryId = 'import-summary';
  const { diff } = preview;
  const changes = diff ? diff.added.length + diff.changed.filter((c) => c.changes.some((x) => !x.notApplied)).length + choices.cancelRemoved.length : preview.summary.tasks;
  const commitLabel = diff
    ? t('import.apply', { added: diff.added.length, changed: diff.changed.filter((c) => c.changes.some((x) => !x.notApplied)).length, cancelled: choices.cancelRemoved.length })
    : t('import.commit', { n: preview.summary.tasks });

  return (
    <>
      <ErrorSummary form={form} />
      <section className="section card" aria-labelledby={summaryId}>
        <h2 id={summaryId} className="section__title">
          {t('import.summary')}
        </h2>
        <p>
          {t('import.fileLine', { file: fileName, format: preview.format.toUpperCase() })}
          {preview.sheetName ? ` · ${t(preview.format === 'docx' ? 'import.tableName' : 'import.sheet', { sheet: preview.sheetName })}` : ''}
          {preview.headerRow ? ` · ${t('import.headerRow', { row: preview.headerRow })}` : ''}
        </p>
        <ul className="tiles tiles--small" aria-label={t('import.summary')}>
          <li className="tile tile--neutral">
            <span className="tile__value">{preview.summary.tasks}</span>
            <span className="tile__label">{t('import.tasks')}</span>
          </li>
          <li className="tile tile--neutral">
            <span className="tile__value">{preview.summary.sections}</span>
            <span className="tile__label">{t('import.sections')}</span>
          </li>
          <li className="tile tile--neutral">
            <span className="tile__value">{preview.summary.rows}</span>
            <span className="tile__label">{t('import.rows')}</span>
          </li>
          <li className={`tile ${errors.length ? 'tile--danger' : 'tile--success'}`} data-testid="import-errors">
            <span className="tile__value">{errors.length}</span>
            <span className="tile__label">{t('import.errors')}</span>
          </li>
          <li className={`tile ${warnings.length ? 'tile--warning' : 'tile--neutral'}`}>
            <span className="tile__value">{warnings.length}</span>
            <span className="tile__label">{t('import.warnings')}</span>
          </li>
        </ul>
        {preview.sheets.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor="import-sheet">
              {t(preview.format === 'docx' ? 'import.table' : 'import.worksheet')}
            </label>
            <p className="field__hint" id="import-sheet-hint">
              {t('import.sheetHint')}
            </p>
            <select
              id="import-sheet"
              className="input select"
              aria-describedby="import-sheet-hint"
              value={preview.sheetName ?? ''}
              disabled={form.busy}
              onChange={(e) => onChoose({ sheet: e.target.value, mapping: {}, cancelRemoved: [] })}
            >
              {preview.sheets.map((sheet) => (
                <option key={sheet.name} value={sheet.name}>
                  {[sheet.name, sheet.caption, t('import.sheetRows', { n: sheet.rows }), sheet.hasHeader ? t('import.sheetHasHeader') : ''].filter(Boolean).join(' — ')}
                </option>
              ))}
            </select>
          </div>
        )}
        {preview.ok && diff && changes === 0 ? (
          <Notice tone="info" title={t('import.nothingTitle')}>
            <p>{t('import.nothingText')}</p>
          </Notice>
        ) : preview.ok ? (
          <Notice tone="success" title={t('import.okTitle')}>
            <p>{diff ? t('import.okDiffText') : t('import.okText', { n: preview.summary.tasks })}</p>
          </Notice>
        ) : (
          <Notice tone="error" title={t('import.blockedTitle')}>
            <p>{t('import.blockedText', { n: errors.length })}</p>
          </Notice>
        )}
        {fileProblems.length > 0 && (
          <ul className="problem-list">
            {fileProblems.map((p, i) => (
              <ProblemItem key={i} problem={p} />
            ))}
          </ul>
        )}
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={onCommit} disabled={!preview.ok || changes === 0 || form.busy} aria-describedby={preview.ok ? undefined : 'commit-blocked'}>
            {form.busy ? t('common.working') : commitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onRestart}>
            {t('import.another')}
          </button>
          {!preview.ok && (
            <span id="commit-blocked" className="muted small">
              {t('import.fixFirst')}
            </span>
          )}
        </div>
      </section>

      {preview.columns.length > 0 && (
        <ColumnMapping preview={preview} mapping={choices.mapping} busy={form.busy} onChange={(letter, choice) => onChoose({ ...choices, mapping: { ...choices.mapping, [letter]: choice } })} />
      )}
      <UnknownNames planId={planId} names={preview.unknownNames} onResolved={onRecheck} />
      {diff && (
        <ImportDiffView
          diff={diff}
          cancel={choices.cancelRemoved}
          onToggle={(taskId, on) => onChoose({ ...choices, cancelRemoved: on ? [...choices.cancelRemoved, taskId] : choices.cancelRemoved.filter((id) => id !== taskId) }, false)}
        />
      )}

      <section className="section card" aria-labelledby="rows-h">
        <div className="section__head">
          <h2 id="rows-h" className="section__title">
            {t('import.rowsTitle')}
          </h2>
          <div className="choice__item">
            <input type="checkbox" id="only-problems" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
            <label htmlFor="only-problems">{t('import.onlyProblems')}</label>
          </div>
        </div>
        <p className="muted small">{t('import.rowsHelp')}</p>
        <div className="table-scroll table-scroll--sheet" tabIndex={0} role="region" aria-labelledby="rows-h">
          <table className="table table--sheet">
            <caption className="visually-hidden">{t('import.rowsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" className="sheet__rownum">
                  {t('import.row')}
                </th>
                <th scope="col">{t('import.type')}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.index}>
                    <span className="sheet__letter">{columnLetter(c.index)}</span> {c.header}
                  </th>
                ))}
                <th scope="col" className="sheet__result">
                  {t('import.result')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => (
                <SheetRow key={row.row} row={row} columns={columns.map((c) => columnLetter(c.index))} nameOf={agencies.nameOf} />
              ))}
            </tbody>
          </table>
        </div>
        {shownRows.length === 0 && <p className="empty">{t('import.noRows')}</p>}
      </section>
    </>
  );
}

function ProblemItem({ problem, id }: { problem: ImportProblem; id?: string }) {
  const { t } = useI18n();
  return (
    <li className={`problem problem--${problem.severity}`} id={id}>
      <span className={`badge ${problem.severity === 'error' ? 'badge--overdue' : 'badge--due-soon'}`}>
        <span aria-hidden="true" className="badge__glyph">
          {problem.severity === 'error' ? '✕' : '!'}
        </span>
        {problem.severity === 'error' ? t('import.error') : t('import.warning')}
      </span>{' '}
      {problem.column && <strong>{problem.column}: </strong>}
      {problem.message}
      {problem.suggestions && problem.suggestions.length > 0 && (
        <span className="problem__suggestions"> {t('import.suggestions', { list: problem.suggestions.join('; ') })}</span>
      )}
    </li>
  );
}

function SheetRow({ row, columns, nameOf }: { row: ImportRow; columns: string[]; nameOf: (code: string) => string }) {
  const { t, tx } = useI18n();
  const hasError = row.problems.some((p) => p.severity === 'error');
  const problemsId = `row-${row.row}-problems`;
  const badColumns = new Map<string, 'error' | 'warning'>();
  for (const p of row.problems) {
    const letter = letterOf(p.column);
    if (letter && badColumns.get(letter) !== 'error') badColumns.set(letter, p.severity);
  }
  const task = row.task;
  return (
    <Fragment>
      <tr data-row={row.row} className={`sheet-row sheet-row--${row.type}${hasError ? ' row--error' : row.problems.length ? ' row--warning' : ''}`}>
        <th scope="row" className="sheet__rownum">
          {row.row}
        </th>
        <td>
          <span className={`badge badge--row-${row.type}`}>{tx(`import.type.${row.type}`, row.type)}</span>
        </td>
        {columns.map((letter) => {
          const severity = badColumns.get(letter);
          return (
            <td
              key={letter}
              data-column={letter}
              className={severity ? `cell--${severity}` : undefined}
              aria-describedby={severity ? problemsId : undefined}
              aria-invalid={severity === 'error' ? true : undefined}
            >
              {severity && (
                <span className="visually-hidden">
                  {severity === 'error' ? t('import.error') : t('import.warning')}:{' '}
                </span>
              )}
              {row.cells[letter] ?? ''}
            </td>
          );
        })}
        <td className="sheet__result">
          {task && (
            <>
              <div>
                {formatDate(task.startDate)} → <strong>{formatDate(task.dueDate)}</strong>
              </div>
              <div className="small">{task.leads.map((l) => (l.members.length ? `${nameOf(l.code)} (${l.members.length})` : nameOf(l.code))).join('; ')}</div>
              <div className="small muted">{t(`kind.${task.kind}`)}</div>
            </>
          )}
        </td>
      </tr>
      {row.problems.length > 0 && (
        <tr className="sheet-problems">
          <td colSpan={columns.length + 3}>
            <ul className="problem-list" id={problemsId}>
              {row.problems.map((p, i) => (
                <ProblemItem key={i} problem={p} />
              ))}
            </ul>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The commit: the rows are in; the new tasks' workflows start in the background and the changes go to the running ones. */
function CommitStep({ planId, reply, onRestart }: { planId: string; reply: CommitReply; onRestart: () => void }) {
  const { t } = useI18n();
  const [job, setJob] = useState<ImportJob | undefined>(reply.job);
  const [error, setError] = useState<ApiError | null>(null);
  const finished = !job || job.status === 'started' || job.status === 'failed';

  useEffect(() => {
    if (finished || !job) return;
    let live = true;
    const timer = setInterval(() => {
      api.get<ImportJob>(`/api/plans/${planId}/imports/${job.id}`).then(
        (next) => live && setJob(next),
        (err: unknown) => live && err instanceof ApiError && setError(err),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [planId, job, finished]);

  const done = job ? job.startedCount + job.appliedCount + job.refusedCount : 0;
  const total = job ? job.taskCount + job.changeCount : 0;
  const percent = total ? Math.round((done / total) * 100) : 100;
  return (
    <section className="section card" aria-labelledby="commit-h">
      <h2 id="commit-h" className="section__title">
        {t('import.step3')}
      </h2>
      {reply.alreadyImported && (
        <Notice tone="info" title={t('import.alreadyTitle')}>
          <p>{t('import.alreadyText')}</p>
        </Notice>
      )}
      {job && (
        <>
          <p id="commit-progress-label">
            {t('import.progress', { started: job.startedCount, total: job.taskCount })}
            {job.changeCount > 0 && ` · ${t('import.changesProgress', { applied: job.appliedCount, total: job.changeCount })}`}
          </p>
          <div className="progress progress--large" role="progressbar" aria-labelledby="commit-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <span className="progress__track" aria-hidden="true">
              <span className="progress__bar" style={{ width: `${percent}%` }} />
            </span>
            <span className="progress__text">{percent} %</span>
          </div>
        </>
      )}
      <div aria-live="polite">
        {job?.status === 'started' && (
          <Notice tone="success" title={t('import.doneTitle')}>
            <p>{job.changeCount > 0 ? t('import.doneChangesText', { n: job.taskCount, applied: job.appliedCount, refused: job.refusedCount }) : t('import.doneText', { n: job.taskCount })}</p>
          </Notice>
        )}
        {job?.status === 'failed' && (
          <Notice tone="error" title={t('import.failedTitle')}>
            <p>{t('import.failedText')}</p>
          </Notice>
        )}
      </div>
      {error && (
        <Notice tone="error" title={t('error.title')}>
          <p>{error.message}</p>
        </Notice>
      )}
      <div className="form__actions">
        <Link className="button button--primary" to={`/plans/${planId}`}>
          {t('import.toDashboard')}
        </Link>
        <Link className="button button--secondary" to={`/tasks?plan=${planId}`}>
          {t('dashboard.allTasks')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onRestart}>
          {t('import.another')}
        </button>
      </div>
    </section>
  );
}
