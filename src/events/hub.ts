// The live-event machinery of one server: wakes readers when an audit log or the server log moves, bounds how
// many streams are open (per caller and in all), and closes them all at shutdown. A wake-up carries nothing:
// readers read the tables past their own cursors (follow.ts), so the audit intake pays only a function call.
// Writes by another process (the CLI on the same database) are noticed by polling SQLite's data_version.
import type { Database } from "bun:sqlite";
import { onAuditWrite, type AuditLog } from "../core/audit-feed.ts";
import { ServiceError } from "../core/errors.ts";
import type { LogRing } from "../core/log-ring.ts";

export interface EventHubOptions {
  /** Silence after which a stream gets a `: ping` comment (default 15 s). */
  pingMs?: number;
  /** Open streams per caller (an API token) at most (default 5). */
  perCaller?: number;
  /** Open streams in all at most (default 50). */
  total?: number;
  /** How often other processes' writes are looked for (default 1 s). */
  pollMs?: number;
  /** Wake-ups within this window are one (default 20 ms). */
  coalesceMs?: number;
}

export type EventHub = ReturnType<typeof createEventHub>;

export function createEventHub(sqlite: Database, ring: LogRing, o: EventHubOptions = {}) {
  const pingMs = o.pingMs ?? 15_000;
  const perCaller = o.perCaller ?? 5;
  const total = o.total ?? 50;
  const open = new Map<string, number>();
  const waiters = new Set<() => void>();
  const closers = new Set<() => void>();
  let generation = 0;
  /** Counts writes per audit log, so a reader skips the tables that did not move since it last found them empty. */
  const versions: Record<AuditLog, number> = { conn: 0, file: 0, alarm: 0, console: 0 };
  const moved = (log?: AuditLog) => {
    for (const l of log ? [log] : (Object.keys(versions) as AuditLog[])) versions[l]++;
    wake();
  };
  let stopListening: (() => void) | null = null;

  // Wake-ups are gathered for coalesceMs: under a burst of audit posts each stream reads once per window,
  // not once per row, so the intake's thread does not pay a read per stream per row.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    pending = null;
    generation++;
    for (const w of waiters) w();
    waiters.clear();
  };
  const wake = () => {
    pending ??= setTimeout(fire, o.coalesceMs ?? 20);
  };
  const dataVersion = () => (sqlite.query("PRAGMA data_version").get() as { data_version: number }).data_version;

  function listen() {
    const offAudit = onAuditWrite(moved);
    const offLog = ring.onLine(wake);
    let seen = dataVersion();
    const poll = setInterval(() => {
      try {
        const v = dataVersion();
        if (v !== seen) (seen = v), moved();
      } catch {
        // the database is closing: the streams end with it
      }
    }, o.pollMs ?? 1000);
    poll.unref?.();
    stopListening = () => (offAudit(), offLog(), clearInterval(poll));
  }

  return {
    pingMs,
    get generation() {
      return generation;
    },
    versionOf: (log: AuditLog) => versions[log],
    /** Counts a new stream of `caller`; TOO_MANY_REQUESTS past a bound. Returns the release function. */
    admit(caller: string): () => void {
      const mine = open.get(caller) ?? 0;
      const all = [...open.values()].reduce((a, b) => a + b, 0);
      if (mine >= perCaller) throw new ServiceError("TOO_MANY_REQUESTS", `this token has ${mine} event streams open (at most ${perCaller}); close one first`);
      if (all >= total) throw new ServiceError("TOO_MANY_REQUESTS", `the server has ${all} event streams open (at most ${total}); try again later`);
      open.set(caller, mine + 1);
      if (!stopListening) listen();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(caller) ?? 1) - 1;
        if (left > 0) open.set(caller, left);
        else open.delete(caller);
        if (open.size === 0 && stopListening) stopListening(), (stopListening = null);
      };
    },
    /** Resolves true when something moved since `gen`, false after `ms` of nothing. */
    wait(gen: number, ms: number): Promise<boolean> {
      if (gen !== generation) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = () => (clearTimeout(timer), resolve(true));
        const timer = setTimeout(() => (waiters.delete(done), resolve(false)), Math.max(0, ms));
        waiters.add(done);
      });
    },
    /** A stream registers how to end it; returns the unregister function. */
    onClose(close: () => void): () => void {
      closers.add(close);
      return () => closers.delete(close);
    },
    /** Ends every open stream (at shutdown: a stream would otherwise hold the drain to its timeout). */
    close(): void {
      for (const c of [...closers]) c();
      if (pending) clearTimeout(pending);
      fire();
    },
    /** How many streams are open, per caller (for tests and status). */
    openStreams: () => new Map(open),
  };
}
