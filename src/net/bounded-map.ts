// In-memory soft state with a hard cap, for anything keyed by what unauthenticated clients send.

/**
 * A Map that forgets its oldest tenth when full. Evicting one entry at a time is quadratic here
 * (a Map's iterator walks past deleted slots: 40k evictions took 1.2 s, in batches 24 ms).
 */
export class BoundedMap<V> extends Map<string, V> {
  /** `stale(value)`: entries that may go first when the map is full (e.g. lockouts already over). */
  constructor(
    private readonly cap: number,
    private readonly stale: (value: V) => boolean = () => false,
  ) {
    super();
  }
  override set(key: string, value: V): this {
    if (!this.has(key) && this.size >= this.cap) for (const [k, v] of this) if (this.stale(v)) this.delete(k);
    if (!this.has(key) && this.size >= this.cap) {
      let n = Math.max(1, Math.floor(this.cap / 10));
      for (const k of this.keys()) {
        this.delete(k);
        if (--n === 0) break;
      }
    }
    return super.set(key, value);
  }
}
