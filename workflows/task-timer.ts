/**
 * The task loop's one timer (workflows/task.ts), kept while it is due no later than the wake-up asked for.
 *
 * The plain way, `condition(changed, timeout)`, cancels its timer and starts a new one each time a command
 * wakes the loop. Kept instead, a command that leaves the next reminder where it is, or moves it later,
 * costs no timer command; when the kept timer fires early the loop finds nothing due and asks again.
 * Measured on the recorded histories (tests/workflows/histories): a command adds 6 events (a workflow
 * task, the Update's acceptance and completion, its projection's marker); the plain way would add
 * TimerCanceled and TimerStarted, 8 events, a third more history per command and so a continue-as-new
 * every ~125 commands instead of ~166. Every history recorded since 1fb325a has this shape: giving it up
 * would need `patched()`.
 */
import * as wf from '@temporalio/workflow';

export class KeptTimer {
  private current: { at: number; scope: wf.CancellationScope; fired: boolean } | undefined;

  /** Whether the timer last set has fired: the loop's condition reads it. */
  get fired(): boolean {
    return this.current?.fired ?? false;
  }

  /** Set the timer for `at` (epoch ms), unless the one already set is still to fire and due no later. */
  setFor(at: number): void {
    const pending = this.current && !this.current.fired ? this.current : undefined;
    if (pending && pending.at <= at) return;
    pending?.scope.cancel();
    const timer = { at, scope: new wf.CancellationScope(), fired: false };
    void timer.scope.run(() => wf.sleep(Math.max(1, at - Date.now()))).then(
      () => void (timer.fired = true),
      () => undefined, // cancelled: replaced by an earlier one
    );
    this.current = timer;
  }
}
