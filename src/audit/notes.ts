// The controller's side of connection audit (§9.3, §9.4; client: flutter/lib/models/model.dart:1224-1309 (rustdesk@7423dced),
// client: flutter/lib/common/widgets/dialog.dart:1650-1670 (rustdesk@7423dced)): a logged-in user looks up
// the record of the session they are in, then sets its note when the session ends. Both only for
// devices the user may see; an unseen device looks exactly like a record not written yet (null),
// so the lookup says nothing about what exists. Records of a deleted device stay with it: an ID
// registered again is another device, and its new owner does not get the old records.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { connAudit } from "../db/schema.ts";
import { visibleDeviceId } from "../devices/visibility.ts";
import { nextSeq, sessionIdOf } from "./device.ts";
import { emitAudit } from "../core/audit.ts";
import { auditWritten } from "../core/audit-feed.ts";
import { invalid, notFound } from "../core/errors.ts";


/** GET /api/audit/conn/active: the authorised record's guid, or null (the client retries: client: flutter/lib/models/model.dart:1259-1301 (rustdesk@7423dced)). */
export function activeConnGuid(ctx: ServiceContext, q: { id?: string; session_id?: string; conn_type?: string }): string | null {
  if (!q.id || q.id.length > 100) throw invalid('missing or invalid "id"');
  const sessionId = sessionIdOf(q.session_id);
  const connType = q.conn_type === undefined || q.conn_type === "" ? undefined : Number(q.conn_type);
  if (connType !== undefined && !(Number.isInteger(connType) && connType >= 0 && connType <= 255)) throw invalid('"conn_type" must be a small integer');
  const row = ctx.db
    .select({ guid: connAudit.guid, deviceId: connAudit.deviceId })
    .from(connAudit)
    .where(and(eq(connAudit.rdId, q.id), eq(connAudit.sessionId, sessionId), isNotNull(connAudit.peerId), connType === undefined ? undefined : eq(connAudit.connType, connType)))
    .orderBy(desc(connAudit.id))
    .get();
  return row && row.deviceId !== null && row.deviceId === visibleDeviceId(ctx, q.id) ? row.guid : null;
}

/** PUT /api/audit: the note at the end of a session. */
export function setConnNote(ctx: ServiceContext, input: { guid: string; note: string }): void {
  withTransaction(ctx, (tx) => {
    const row = tx.db.select({ id: connAudit.id, rdId: connAudit.rdId, deviceId: connAudit.deviceId }).from(connAudit).where(eq(connAudit.guid, input.guid)).get();
    if (!row || row.deviceId === null || row.deviceId !== visibleDeviceId(tx, row.rdId)) throw notFound("no such connection record");
    const note = input.note.slice(0, 2000);
    tx.db.update(connAudit).set({ note, updatedAt: tx.now(), seq: nextSeq(tx) }).where(eq(connAudit.id, row.id)).run();
    auditWritten(tx, "conn");
    emitAudit(tx, "audit.note", { type: "conn_audit", guid: input.guid, name: row.rdId }, { note });
  });
}
