// Session recordings: the device's upload protocol (§10, T14; client: src/hbbs_http/record_upload.rs:117-210 (rustdesk@7423dced)) and what admins do with
// the results (list, get, delete, retention). Quotas are read from the rows, in the same transaction
// as the write they allow.
import { and, asc, count, eq, lt, or, sql, sum } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { afterCommit, withTransaction, type ServiceContext } from "../core/context.ts";
import { devices, recordings } from "../db/schema.ts";
import { conflict, invalid, notFound, ServiceError } from "../core/errors.ts";
import { checkFileName, type RecordingStore } from "./store.ts";

// client: src/hbbs_http/record_upload.rs:15 (rustdesk@7423dced) MAX_HEADER_LEN: the tail re-sends the first ≤1024 bytes.
const TAIL_MAX = 1024;
export const UPLOAD_TYPES = ["new", "part", "tail", "remove"] as const;

export interface UploadQuery {
  type?: string | null;
  file?: string | null;
  offset?: string | null;
  length?: string | null;
}

export interface RecordingDevice {
  id: number;
  rdId: string;
}

export type RecordingRow = typeof recordings.$inferSelect;

function byteCount(v: string | null | undefined, name: string): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (!/^\d{1,15}$/.test(v)) throw invalid(`invalid ${name}: a byte count is expected`);
  return Number(v);
}

const mb = (n: number) => `${(n / 1024 ** 2).toFixed(0)} MiB`;

/** One upload call; throws ServiceError for anything refused, and nothing is changed then. */
export function uploadRecording(ctx: ServiceContext, store: RecordingStore, device: RecordingDevice, q: UploadQuery, body: Uint8Array): void {
  const type = q.type;
  if (!UPLOAD_TYPES.includes(type as (typeof UPLOAD_TYPES)[number])) throw invalid(`invalid type: expected one of ${UPLOAD_TYPES.join(", ")}`);
  const file = checkFileName(q.file);
  const offset = byteCount(q.offset, "offset");
  const length = byteCount(q.length, "length");
  if (length !== undefined && length !== body.byteLength) throw invalid(`length ${length} does not match the ${body.byteLength} bytes sent`);
  const path = `${device.id}/${file}`;
  const now = ctx.now();
  withTransaction(ctx, (tx) => {
    // Checked again here: the device may have been deleted or disabled while its body arrived.
    const current = tx.db.select({ enabled: devices.enabled }).from(devices).where(eq(devices.id, device.id)).get();
    if (!current?.enabled) throw new ServiceError("FORBIDDEN", "unknown device");
    const row = tx.db.select().from(recordings).where(eq(recordings.path, path)).get();
    // A finished recording is evidence: only an admin removes it (`recording delete`).
    if (row?.complete) throw conflict(`recording "${file}" is complete and can no longer be changed`);
    if (type === "new") {
      if (row) {
        tx.db.update(recordings).set({ size: 0, updatedAt: now }).where(eq(recordings.id, row.id)).run();
      } else {
        const { max_files_per_device, max_files } = tx.config.recording;
        const kept = tx.db.select({ n: count() }).from(recordings).where(eq(recordings.deviceId, device.id)).get()!.n;
        if (kept >= max_files_per_device) throw new ServiceError("FORBIDDEN", `this device already has ${kept} recordings on the server (recording.max_files_per_device)`);
        const all = tx.db.select({ n: count() }).from(recordings).get()!.n;
        if (all >= max_files) throw new ServiceError("FORBIDDEN", `the server already keeps ${all} recordings (recording.max_files)`);
        tx.db.insert(recordings).values({ deviceId: device.id, rdId: device.rdId, file, path, createdAt: now, updatedAt: now }).run();
      }
      store.create(path);
      return;
    }
    if (!row) throw notFound(`no recording "${file}" from this device; start it with type=new`);
    if (type === "remove") {
      tx.db.delete(recordings).where(eq(recordings.id, row.id)).run();
      afterCommit(tx, () => store.remove(path));
      return;
    }
    if (type === "tail") {
      if (offset !== undefined && offset !== 0) throw invalid("a tail is written at offset 0");
      if (body.byteLength > TAIL_MAX) throw invalid(`a tail is at most ${TAIL_MAX} bytes`);
      if (body.byteLength > row.size) throw invalid(`the tail (${body.byteLength} bytes) is longer than the recording (${row.size} bytes)`);
      store.write(path, 0, body, row.size);
      tx.db.update(recordings).set({ complete: true, updatedAt: now }).where(eq(recordings.id, row.id)).run();
      return;
    }
    if (offset === undefined) throw invalid("missing offset");
    if (offset > row.size) throw invalid(`offset ${offset} is past the ${row.size} bytes uploaded so far`);
    const size = Math.max(row.size, offset + body.byteLength);
    const growth = size - row.size;
    if (growth > 0) checkRoom(tx, store, device.id, growth);
    store.write(path, offset, body, row.size);
    tx.db.update(recordings).set({ size, updatedAt: now }).where(eq(recordings.id, row.id)).run();
  });
}

function checkRoom(ctx: ServiceContext, store: RecordingStore, deviceId: number, growth: number): void {
  const { device_quota, total_quota, min_free } = ctx.config.recording;
  const used = (where?: ReturnType<typeof eq>) => Number(ctx.db.select({ n: sum(recordings.size) }).from(recordings).where(where).get()?.n ?? 0);
  if (used(eq(recordings.deviceId, deviceId)) + growth > device_quota)
    throw new ServiceError("PAYLOAD_TOO_LARGE", `this device's recordings would pass their quota of ${mb(device_quota)} (recording.device_quota)`);
  if (used() + growth > total_quota) throw new ServiceError("PAYLOAD_TOO_LARGE", `the server's recordings would pass their quota of ${mb(total_quota)} (recording.total_quota)`);
  if (store.freeBytes() - growth < min_free) throw new ServiceError("PAYLOAD_TOO_LARGE", `the server keeps ${mb(min_free)} of its disk free (recording.min_free)`);
}

export interface RecordingView {
  guid: string;
  device: string;
  file: string;
  size: number;
  complete: boolean;
  createdAt: number;
  updatedAt: number;
}

export const recordingView = (r: RecordingRow): RecordingView => ({ guid: r.guid, device: r.rdId, file: r.file, size: r.size, complete: r.complete, createdAt: r.createdAt, updatedAt: r.updatedAt });

/** Oldest first; `device` is a RustDesk ID. */
export function listRecordings(ctx: ServiceContext, o: { device?: string } = {}): RecordingView[] {
  const q = ctx.db.select().from(recordings);
  return (o.device ? q.where(eq(recordings.rdId, o.device)) : q).orderBy(asc(recordings.createdAt), asc(recordings.id)).all().map(recordingView);
}

/** A recording by guid, or by file name when only one recording has it. */
export function findRecording(ctx: ServiceContext, ref: string): RecordingRow {
  const rows = ctx.db.select().from(recordings).where(or(eq(recordings.guid, ref), eq(recordings.file, ref))).limit(2).all();
  if (rows.length === 0) throw notFound(`no recording "${ref}"`);
  if (rows.length > 1) throw invalid(`more than one recording is named "${ref}"; use its guid (rdconsole recording list)`);
  return rows[0]!;
}

/**
 * Where a recording's bytes are, and how many of them count: only the `size` the server accepted (a write that
 * failed part-way may have left more on disk). NOT_FOUND when the file is gone or shorter than that.
 */
export function recordingFile(ctx: ServiceContext, store: RecordingStore, ref: string): { row: RecordingRow; path: string } {
  const row = findRecording(ctx, ref);
  const path = store.pathOf(row.path);
  const onDisk = store.sizeOf(row.path);
  if (onDisk === null) throw notFound(`the file of recording ${row.file} is missing from the data dir`);
  if (onDisk < row.size) throw notFound(`only ${onDisk} of recording ${row.file}'s ${row.size} bytes are on disk`);
  return { row, path };
}

export function deleteRecording(ctx: ServiceContext, store: RecordingStore, ref: string): RecordingView {
  return withTransaction(ctx, (tx) => {
    const row = findRecording(tx, ref);
    tx.db.delete(recordings).where(eq(recordings.id, row.id)).run();
    emitAudit(tx, "recording.delete", { type: "recording", guid: row.guid, name: row.file }, { device: row.rdId, size: row.size });
    afterCommit(tx, () => store.remove(row.path));
    return recordingView(row);
  });
}

/** Recordings not written to for recording.days; batches of 100 with a yield between. */
export async function purgeRecordings(ctx: ServiceContext, store: RecordingStore): Promise<number> {
  const days = ctx.config.recording.days;
  if (days === 0) return 0;
  const cutoff = ctx.now() - days * 86_400_000;
  let purged = 0;
  for (;;) {
    const batch = ctx.db.select().from(recordings).where(lt(recordings.updatedAt, cutoff)).limit(100).all();
    for (const row of batch) {
      // Written to since it was selected: kept.
      const gone = withTransaction(ctx, (tx) => tx.db.delete(recordings).where(and(eq(recordings.id, row.id), lt(recordings.updatedAt, cutoff))).returning({ id: recordings.id }).all().length);
      if (!gone) continue;
      purged++;
      try {
        store.remove(row.path);
      } catch (e) {
        ctx.log.error(`recording ${row.path} expired but its file could not be removed`, e);
      }
    }
    if (batch.length < 100) return purged;
    await new Promise((r) => setImmediate(r));
  }
}

/** Total bytes and count, for `recording list`'s footer. */
export function recordingTotals(ctx: ServiceContext): { count: number; bytes: number } {
  const r = ctx.db.select({ count: count(), bytes: sql<number>`coalesce(sum(${recordings.size}), 0)` }).from(recordings).get()!;
  return { count: r.count, bytes: Number(r.bytes) };
}
