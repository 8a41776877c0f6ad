/**
 * Coalesces idempotent "something changed, go look" messages per key (a digest workflow's signal).
 *
 * - While one is on its way, every caller that arrives joins the single next one, which starts after it.
 * - For `reuseForMs` after a send that succeeded began, callers are answered at once: the receiver has
 *   promised to look no sooner than that long after any message (the digest workflow's guard), so what
 *   they wrote before calling is still ahead of its look.
 *
 * Either way a caller is answered only by a message that the receiver handles after the caller's writes,
 * exactly the guarantee of one message per caller, at one message per burst.
 */
interface Lane {
  current: Promise<void>;
  next?: Promise<void>;
}

export class Coalescer {
  private readonly lanes = new Map<string, Lane>();
  /** When the last successful send of each key began. */
  private readonly sentAt = new Map<string, number>();

  constructor(
    private readonly reuseForMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  run(key: string, send: () => Promise<void>): Promise<void> {
    // A recent success answers even while another send is on its way: under steady traffic the lane is
    // never empty, and waiting for it would cost a send per round trip instead of one per `reuseForMs`.
    const sent = this.sentAt.get(key);
    if (sent !== undefined && this.now() < sent + this.reuseForMs) return Promise.resolve();
    const lane = this.lanes.get(key);
    if (!lane) return this.start(key, send);
    lane.next ??= lane.current.then(
      () => this.start(key, send),
      () => this.start(key, send),
    );
    return lane.next;
  }

  private start(key: string, send: () => Promise<void>): Promise<void> {
    const began = this.now();
    const current = send();
    const lane: Lane = { current };
    this.lanes.set(key, lane);
    const done = (ok: boolean) => {
      if (ok) this.remember(key, began);
      // The lane ends unless a caller already queued the next send behind this one.
      if (this.lanes.get(key) === lane && !lane.next) this.lanes.delete(key);
    };
    current.then(
      () => done(true),
      () => done(false),
    );
    return current;
  }

  private remember(key: string, began: number): void {
    this.sentAt.set(key, Math.max(began, this.sentAt.get(key) ?? 0));
    // Forget what can no longer be reused, so the map stays as small as the traffic of the last moments.
    if (this.sentAt.size > 1000) {
      const expired = this.now() - this.reuseForMs;
      for (const [k, at] of this.sentAt) if (at <= expired) this.sentAt.delete(k);
    }
  }
}
