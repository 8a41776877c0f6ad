import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, client, multipart, ok } from '../lib/api';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import type { CommitReply, ImportDryRun } from '../lib/types';
import { ErrorSummary } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async } from '../components/States';
import { CommitStep } from '../components/import/CommitStep';
import { PreviewStep } from '../components/import/PreviewStep';
import type { Choices } from '../components/import/wizard-state';
import { Steps, type Step } from '../components/import/WizardSteps';
import { usePlan } from './Plans';

export function ImportWizardPage() {
  const { planId = '' } = useParams();
  const { t } = useI18n();
  const plan = usePlan(planId);
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportDryRun | null>(null);
  const [choices, setChoices] = useState<Choices>({ mapping: {}, cancelRemoved: [] });
  const [job, setJob] = useState<CommitReply | null>(null);
  const form = useForm<Record<string, never>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  /** The file and the coordinator's choices, as the import's multipart body. */
  const send = (c: Choices, query: { dryRun?: 'true'; sheet?: string }) => {
    const options = {
      ...(Object.keys(c.mapping).length ? { mapping: c.mapping } : {}),
      ...(c.cancelRemoved.length ? { cancelRemoved: c.cancelRemoved } : {}),
    };
    const body = { file: file!, options: Object.keys(options).length ? JSON.stringify(options) : undefined };
    return ok(client.POST('/api/plans/{id}/import', { params: { path: { id: planId }, query }, body, bodySerializer: multipart }));
  };

  const check = (c: Choices = choices) =>
    form.run(async () => {
      if (!file) throw new ApiError(422, 'invalid_data', t('import.noFile'), [{ field: 'file', message: t('import.chooseFile') }]);
      const result = await send(c, { dryRun: 'true', sheet: c.sheet });
      // Only a commit answers with `alreadyImported`; a dry run always with the preview.
      if ('alreadyImported' in result) throw new Error('the dry run was answered as a commit');
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
      const reply = await send(choices, { sheet: choices.sheet ?? preview?.sheetName });
      if (!('alreadyImported' in reply)) throw new Error('the commit was answered as a dry run');
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
