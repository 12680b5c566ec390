// POST /api/devices/deploy as a service: `rustdesk --deploy` registers the device's public key under its ID with
// an enrolment key, and approves it. The answer is one word the client switches on
// (client: src/ui_interface.rs:1107-1149 (rustdesk@7423dced)): OK, NOT_ENABLED, INVALID_INPUT, ID_TAKEN.
import { sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { devices, tokenEnrolments } from "../db/schema.ts";
import { isDeviceId } from "../net/device-id.ts";
import { consumeEnrolUse } from "../tokens/enrol.ts";
import { enrolledDevice, IdTaken } from "./enrol.ts";
import type { EnrolKey } from "./enrol-key.ts";

export type DeployResult = "OK" | "NOT_ENABLED" | "INVALID_INPUT" | "ID_TAKEN";

// client: src/ui_interface.rs:1095 (rustdesk@7423dced) sends pk = base64 (standard, padded) of the 32-byte Ed25519 public key
const PK = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export const isPublicKey = (pk: unknown): pk is string => typeof pk === "string" && PK.test(pk) && Buffer.from(pk, "base64").length === 32;

/**
 * NOT_ENABLED under devices.registration = open (any device registers itself: deployment is not required);
 * INVALID_INPUT for a bad id, uuid or pk; ID_TAKEN when the ID is another machine's (its uuid differs);
 * else OK: the key is recorded, the device registered if new and approved, a use of the key counted.
 * A refused key throws ServiceError (enrolKeyOf, consumeEnrolUse).
 */
export function deployDevice(ctx: ServiceContext, key: EnrolKey, body: unknown): DeployResult {
  if (ctx.config.devices.registration === "open") return "NOT_ENABLED";
  const b = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const { id, uuid, pk } = b;
  if (!isDeviceId(id) || typeof uuid !== "string" || uuid.length < 1 || uuid.length > 200 || !isPublicKey(pk)) return "INVALID_INPUT";
  try {
    return withTransaction({ ...ctx, actor: key.actor }, (tx) => {
      const use = consumeEnrolUse(tx, key.token);
      const { device, created } = enrolledDevice(tx, id, uuid);
      const now = tx.now();
      tx.db
        .update(devices)
        .set({ uuid, pk, ...(created || device.pending ? { enabled: true, pending: false } : {}), updatedAt: now })
        .where(sql`${devices.id} = ${device.id}`)
        .run();
      const set = { pk, ...(device.pk && device.pk !== pk ? { replaced_pk: device.pk } : {}) };
      tx.db.insert(tokenEnrolments).values({ tokenId: key.token.id, deviceId: device.id, rdId: id, kind: "deploy", at: now, ip: tx.ip ?? null, set }).run();
      emitAudit(tx, "device.deploy", { type: "device", guid: device.guid, name: id }, { key: key.token.name, key_prefix: key.token.prefix, registered: created, ...set, uses: use.maxUses === null ? `${use.uses}` : `${use.uses}/${use.maxUses}` });
      return "OK";
    });
  } catch (e) {
    if (e instanceof IdTaken) return "ID_TAKEN";
    throw e;
  }
}
