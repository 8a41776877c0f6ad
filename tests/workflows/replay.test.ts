/**
 * Task workflows live for years: a deployment replaces the code under workflows that are running, and
 * each one replays its history on the new code when a worker picks it up. These are histories recorded
 * by earlier versions (tests/workflows/histories/record.ts), of task workflows and of the mail workflows
 * they start: every one must replay on this code without a nondeterminism error. The import job of
 * v7a2c958 started its tasks with an activity of its own; later ones run the start-tasks workflow as a
 * child, behind patched('start-tasks-workflow'), so both must replay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { Worker, type ReplayResult, type ReplayWorkerOptions } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { installSdkRuntime } from '../../runtime/sdk-runtime';
import { testLogger } from '../helpers/temporal';
import { historyFromText, historyToText } from './histories/format';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'histories');

const recorded = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ workflowId: file, history: historyFromText(readFileSync(path.join(DIR, file), 'utf8')) }));

async function replay(histories: typeof recorded): Promise<ReplayResult[]> {
  installSdkRuntime(testLogger);
  const options: ReplayWorkerOptions = { workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') }, replayName: 'giao-viec-replay' };
  const results: ReplayResult[] = [];
  for await (const result of Worker.runReplayHistories(options, histories)) results.push(result);
  return results;
}

describe('histories of earlier versions', () => {
  it('replay on this code: the lifecycle, reminders, a continue-as-new, a group and its child, a command before the start, a recurring task, an import job from before and after start-tasks, a creation by hand, a digest, a delivery', async () => {
    const scenarios = new Set(recorded.map((r) => r.workflowId.replace(/^[^-]+-/, '').replace(/(-run\d+)?\.json$/, '')));
    expect([...scenarios].sort()).toEqual(['before-open', 'delivery', 'digest', 'group', 'group-child', 'import-job', 'lifecycle', 'overdue-reassigned-cancelled', 'recurring', 'start-tasks']);
    const results = await replay(recorded);
    expect(results.map((r) => r.workflowId)).toEqual(recorded.map((r) => r.workflowId));
    for (const r of results) expect(r.error, `${r.workflowId}: ${r.error?.message}`).toBeUndefined();
  });

  it('would show a change that breaks them: the same history under another workflow type fails as nondeterministic', async () => {
    const { history } = recorded.find((r) => r.workflowId.includes('-lifecycle-run1'))!;
    const json = JSON.parse(historyToText(history)) as { events: { workflowExecutionStartedEventAttributes?: { workflowType: { name: string } } }[] };
    json.events[0]!.workflowExecutionStartedEventAttributes!.workflowType.name = 'importJobWorkflow';
    const [result] = await replay([{ workflowId: 'renamed', history: historyFromText(JSON.stringify(json)) }]);
    expect(result!.error).toBeInstanceOf(DeterminismViolationError);
  });
});
