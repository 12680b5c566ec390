// "At most N per window per key" for unauthenticated traffic (e.g. new-device registrations per IP),
// with bounded memory.
import { BoundedMap } from "./bounded-map.ts";

export class WindowCounter {
  private readonly hits: BoundedMap<number[]>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    maxKeys = 20_000,
  ) {
    this.hits = new BoundedMap(maxKeys);
  }

  /** Counts a hit; false when the key is already at the limit (the hit is not counted then). */
  take(key: string, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent);
    return true;
  }
}
