/**
 * Counts events in the last `windowMs`, in fixed slots: O(slots) per call, no per-event memory, so it can sit on
 * the path of every request. The count is exact up to one slot's width (an event expires when its slot does).
 */
export class SlidingWindowCounter {
  private readonly counts: number[];
  private readonly slotMs: number;
  /** Index (in slot units since time 0) of the newest slot counted. */
  private newest = Number.NEGATIVE_INFINITY;

  constructor(
    readonly windowMs: number,
    slots = 10,
  ) {
    if (!(windowMs > 0) || !Number.isInteger(slots) || slots < 1) {
      throw new RangeError("SlidingWindowCounter: windowMs must be > 0 and slots an integer >= 1");
    }
    this.counts = new Array<number>(slots).fill(0);
    this.slotMs = windowMs / slots;
  }

  add(now: number, n = 1): void {
    this.advance(now);
    this.counts[this.slotOf(now) % this.counts.length]! += n;
  }

  count(now: number): number {
    this.advance(now);
    let sum = 0;
    for (const c of this.counts) sum += c;
    return sum;
  }

  /** Events per second over the window. */
  perSecond(now: number): number {
    return (this.count(now) * 1000) / this.windowMs;
  }

  private slotOf(now: number): number {
    return Math.floor(now / this.slotMs);
  }

  /** Clears the slots that fell out of the window since the last call. A clock that steps back changes nothing. */
  private advance(now: number): void {
    const slot = this.slotOf(now);
    if (slot <= this.newest) return;
    const size = this.counts.length;
    const stale = Math.min(size, slot - this.newest);
    for (let i = 1; i <= stale; i++) this.counts[(((slot - stale + i) % size) + size) % size] = 0;
    this.newest = slot;
  }
}
