// The publish hook of the audit logs: whoever writes an audit row says which log moved, once its transaction
// has committed. The kernel knows no reader; a feature (src/events/) registers one. A listener is told only
// *that* a log moved, never the row: readers follow the tables themselves, so a wake-up that is lost, doubled
// or meant for another database costs one empty read, never a gap.
import { afterCommit, type ServiceContext } from "./context.ts";

export type AuditLog = "conn" | "file" | "alarm" | "console";
type Listener = (log: AuditLog) => void;

const listeners = new Set<Listener>();

/** Returns the function that unsubscribes. */
export function onAuditWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by every writer of an audit row (inside or outside its transaction): listeners run after the commit. */
export function auditWritten(ctx: ServiceContext, log: AuditLog): void {
  if (listeners.size === 0) return; // the CLI and most tests: nobody follows, nothing to queue
  afterCommit(ctx, () => {
    for (const listener of listeners) listener(log);
  });
}
