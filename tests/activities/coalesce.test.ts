import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../activities/coalesce';

/** A send that records when it started and waits until the test lets it finish. */
function controlledSends() {
  const started: { at: number; finish: (err?: Error) => void }[] = [];
  let clock = 0;
  const send = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ at: clock, finish: (err) => (err ? reject(err) : resolve()) });
    });
  return { started, send, tick: () => ++clock };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('a burst of callers costs two sends: the one on its way and one after it', async () => {
    const c = new Coalescer();
    const { started, send } = controlledSends();
    const first = c.run('k', send);
    const rest = Array.from({ length: 10 }, () => c.run('k', send));
    await flush();
    expect(started).toHaveLength(1);
    started[0]!.finish();
    await first;
    await flush();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await Promise.all(rest);
    expect(started).toHaveLength(2);
  });

  it('answers each caller only with a send that started after it called', async () => {
    const c = new Coalescer();
    const { started, send, tick } = controlledSends();
    const answeredBy = new Map<number, number>();
    const call = (t: number) => c.run('k', send).then(() => answeredBy.set(t, started.filter((s) => s.at >= t).length));
    const a = call(tick());
    const b = call(tick());
    await flush();
    started[0]!.finish();
    await a;
    const d = call(tick());
    await flush();
    started[1]!.finish();
    await b;
    await flush();
    started[2]!.finish();
    await d;
    // Every caller saw at least one send that started at or after its own call.
    for (const [, n] of answeredBy) expect(n).toBeGreaterThan(0);
    expect(started.map((s) => s.at)).toEqual([1, 2, 3]);
  });

  it('keys do not wait on each other, and a failed send fails only its callers while the next one still goes', async () => {
    const c = new Coalescer();
    const { started, send } = controlledSends();
    const a = c.run('a', send);
    const b = c.run('b', send);
    await flush();
    expect(started).toHaveLength(2);
    const a2 = c.run('a', send);
    started[0]!.finish(new Error('server unavailable'));
    await expect(a).rejects.toThrow('server unavailable');
    await flush();
    expect(started).toHaveLength(3);
    started[2]!.finish();
    await expect(a2).resolves.toBeUndefined();
    started[1]!.finish();
    await expect(b).resolves.toBeUndefined();
    // Once idle, the next caller sends at once.
    const later = c.run('a', send);
    await flush();
    expect(started).toHaveLength(4);
    started[3]!.finish();
    await later;
  });

  it('for reuseForMs after a send that succeeded began, an idle key answers at once; a failed send is not reused', async () => {
    let now = 1_000;
    const c = new Coalescer(30_000, () => now);
    const { started, send } = controlledSends();
    const first = c.run('k', send);
    started[0]!.finish();
    await first;
    now += 29_999;
    await c.run('k', send);
    expect(started).toHaveLength(1);
    now += 1;
    const again = c.run('k', send);
    expect(started).toHaveLength(2);
    started[1]!.finish(new Error('server unavailable'));
    await expect(again).rejects.toThrow('server unavailable');
    // The failed send is not remembered: the last success began 30 s ago, so the next caller sends again.
    const retry = c.run('k', send);
    expect(started).toHaveLength(3);
    started[2]!.finish();
    await retry;
  });

  it('a recent success answers callers even while the send queued behind it is on its way', async () => {
    let now = 1_000;
    const c = new Coalescer(30_000, () => now);
    const { started, send } = controlledSends();
    const first = c.run('k', send);
    const queued = c.run('k', send); // arrived while the first was on its way: it needs a later one
    started[0]!.finish();
    await first;
    await flush();
    expect(started).toHaveLength(2);
    // The queued send is still out, but the first succeeded 10 s ago: the digest looks after this write.
    now += 10_000;
    await expect(c.run('k', send)).resolves.toBeUndefined();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await queued;
  });
});
