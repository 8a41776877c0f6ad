/**
 * Baseline workflows: the least a workflow can do, so that each benchmark compares the product with
 * bare Temporal on the same server, worker options and machine. Deterministic code only.
 */
import * as wf from '@temporalio/workflow';

/** Reported by the worker (outside the sandbox) when a workflow has run: no server round trip. */
export interface BenchSinks extends wf.Sinks {
  bench: { ran(workflowId: string): void };
}

const { bench } = wf.proxySinks<BenchSinks>();

/** Starts, says so, ends. */
export async function noopWorkflow(): Promise<void> {
  bench.ran(wf.workflowInfo().workflowId);
}

export const noopUpdate = wf.defineUpdate<number, [number]>('noop');
export const finishSignal = wf.defineSignal('finish');

const { noopActivity: noopLocalActivity } = wf.proxyLocalActivities<{ noopActivity(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

/**
 * Waits for Updates that are validated and answered without any side effect. With `awaitLocalActivity`,
 * each Update first awaits a local activity that does nothing: the least an Update costs that writes
 * something before it answers, as the task's does.
 */
export async function updatableWorkflow(awaitLocalActivity = false): Promise<void> {
  let done = false;
  wf.setHandler(
    noopUpdate,
    async (n) => {
      if (awaitLocalActivity) await noopLocalActivity();
      return n;
    },
    {
      validator: (n) => {
        if (!Number.isInteger(n)) throw new Error('not an integer');
      },
    },
  );
  wf.setHandler(finishSignal, () => {
    done = true;
  });
  bench.ran(wf.workflowInfo().workflowId);
  await wf.condition(() => done);
}

const { noopActivity } = wf.proxyActivities<{ noopActivity(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

/** A busy workflow for the saturation sweep: `steps` activities one after the other. */
export async function busyWorkflow(steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) await noopActivity();
  bench.ran(wf.workflowInfo().workflowId);
}
