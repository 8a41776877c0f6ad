import { useI18n } from '../../lib/i18n';

/** The wizard's three steps, the current one marked. */
export type Step = 'upload' | 'preview' | 'commit';

export function Steps({ step }: { step: Step }) {
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
