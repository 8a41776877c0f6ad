import { useEffect, useMemo, useRef } from 'react';
import { formatDate, vnDateOf } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { Task } from '../lib/types';

export interface CompletionPoint {
  date: string;
  completed: number;
  onTime: number;
}

/**
 * Cumulative completions by local completion date (Asia/Ho_Chi_Minh), and how many of those were on
 * or before the task's due date. Group parents are left out: their children are counted.
 */
export function completionSeries(tasks: Task[]): CompletionPoint[] {
  const byDate = new Map<string, { completed: number; onTime: number }>();
  for (const task of tasks) {
    if (task.isGroup || task.status !== 'completed' || !task.completedAt) continue;
    const date = vnDateOf(task.completedAt);
    const entry = byDate.get(date) ?? { completed: 0, onTime: 0 };
    entry.completed++;
    if (date <= task.dueDate) entry.onTime++;
    byDate.set(date, entry);
  }
  let completed = 0;
  let onTime = 0;
  return [...byDate.keys()].sort().map((date) => {
    const e = byDate.get(date)!;
    completed += e.completed;
    onTime += e.onTime;
    return { date, completed, onTime };
  });
}

/**
 * A line chart of completions over time (chart.js, bundled — no CDN), with its numbers in a table
 * for anyone who cannot see the canvas.
 */
export function CompletionChart({ tasks, total }: { tasks: Task[]; total: number }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const series = useMemo(() => completionSeries(tasks), [tasks]);
  const last = series.at(-1);
  const summary = last
    ? t('chart.summary', { completed: last.completed, total, onTime: last.onTime, date: formatDate(last.date) })
    : t('chart.none');

  useEffect(() => {
    if (!canvas.current || series.length === 0) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    // chart.js is loaded only where a chart is drawn.
    void import('chart.js').then(({ Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend, Filler }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend, Filler);
      // One point before the first completion makes the rise visible even with a single date.
      const labels = [t('chart.start'), ...series.map((p) => formatDate(p.date))];
      chart = new Chart(canvas.current, {
        type: 'line',
        data: {
          labels,
          datasets: [
            {
              label: t('chart.completed'),
              data: [0, ...series.map((p) => p.completed)],
              borderColor: '#1d6b3a',
              backgroundColor: 'rgba(29,107,58,0.12)',
              fill: true,
              stepped: true,
              pointStyle: 'circle',
            },
            {
              label: t('chart.onTime'),
              data: [0, ...series.map((p) => p.onTime)],
              borderColor: '#0f3a68',
              borderDash: [6, 4],
              stepped: true,
              pointStyle: 'rectRot',
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: { beginAtZero: true, suggestedMax: total, ticks: { precision: 0 }, title: { display: true, text: t('chart.axisTasks') } },
          },
          plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [series, total, t, lang]);

  return (
    <figure className="chart">
      {series.length > 0 ? (
        <div className="chart__canvas">
          <canvas ref={canvas} role="img" aria-label={summary} />
        </div>
      ) : (
        <p className="empty">{t('chart.none')}</p>
      )}
      <figcaption className="chart__caption">{summary}</figcaption>
      {series.length > 0 && (
        <details className="chart__data">
          <summary>{t('chart.data')}</summary>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('chart.data')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.date')}</th>
                <th scope="col" className="num">
                  {t('chart.completed')}
                </th>
                <th scope="col" className="num">
                  {t('chart.onTime')}
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.date}>
                  <td>{formatDate(p.date)}</td>
                  <td className="num">{p.completed}</td>
                  <td className="num">{p.onTime}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
