// Runs async work one at a time per key. Password checks are serialised per client IP and per
// account: otherwise a burst of parallel guesses all pass the lockout check before any failure
// is counted (argon2 takes ~50 ms). A request waits only for requests queued before it on any of
// its keys, so there is no deadlock; idle keys are forgotten.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  get size(): number {
    return this.tails.size;
  }

  async run<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
    const waits: Promise<void>[] = [];
    const releases: (() => void)[] = [];
    // Registration on every key happens synchronously: the order is fixed before anything waits.
    for (const key of new Set(keys)) {
      const prev = this.tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = prev.then(() => mine);
      this.tails.set(key, tail);
      waits.push(prev);
      releases.push(() => {
        release();
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
    }
    await Promise.all(waits);
    try {
      return await fn();
    } finally {
      for (const r of releases) r();
    }
  }
}
