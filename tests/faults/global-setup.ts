import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolveTemporalBinary } from '../../runtime/temporal-binaries';
import { SUMMARY_FILE, type FaultRecord } from './harness';

/** Install the binaries once; at the end, print what was injected and checked, and what was lost. */
export default async function setup() {
  await resolveTemporalBinary('cli');
  rmSync(SUMMARY_FILE, { force: true });
  return () => {
    const records: FaultRecord[] = existsSync(SUMMARY_FILE)
      ? readFileSync(SUMMARY_FILE, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FaultRecord)
      : [];
    const total = (k: 'faults' | 'tasks' | 'transitions' | 'mails' | 'lost' | 'duplicated') => records.reduce((s, r) => s + r[k], 0);
    const lines = [
      '',
      'Fault suite summary',
      ...records.map((r) => `  ${r.scenario}: ${r.faults} faults · ${r.tasks} tasks · ${r.transitions} transitions · ${r.mails} mails · lost ${r.lost} · duplicated ${r.duplicated}${r.notes ? ` · ${r.notes}` : ''}`),
      `  TOTAL: ${records.length} scenarios · ${total('faults')} faults injected · ${total('tasks')} tasks checked · ${total('transitions')} transitions checked · ${total('mails')} mails checked · lost ${total('lost')} · duplicated ${total('duplicated')}`,
      '',
    ];
    console.log(lines.join('\n'));
    if (total('lost') + total('duplicated') > 0) throw new Error('The fault suite lost or duplicated something (see the summary).');
  };
}
