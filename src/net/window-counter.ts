// "At most N per window per key" for unauthenticated traffic (e.g. new-device registrations per IP),
// with bounded memory and constant time per hit: a fixed window per key (a timestamp list cost
// O(hits) per call, quadratic over a mass enrolment from one address).
import { BoundedMap } from "./bounded-map.ts";

export class WindowCounter {
  private readonly windows: BoundedMap<{ start: number; count: number }>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    maxKeys = 20_000,
  ) {
    this.windows = new BoundedMap(maxKeys);
  }

  /** Counts a hit; false when the key is already at the limit (the hit is not counted then). */
  take(key: string, now: number): boolean {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) this.windows.set(key, (w = { start: now, count: 0 }));
    if (w.count >= this.limit) return false;
    w.count++;
    return true;
  }
}
