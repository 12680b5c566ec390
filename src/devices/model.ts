// Wire shapes of the device endpoints (client: src/hbbs_http/sync.rs:125-178 (rustdesk@7423dced), client: src/hbbs_http/sync.rs:235-243 (rustdesk@7423dced))
// and the group view (client: flutter/lib/common/hbbs/hbbs.dart:77-93 (rustdesk@7423dced)).
import { t } from "elysia";
import { looseObject } from "../http/schema.ts";

const id = t.String({ minLength: 1, maxLength: 100 });
const uuid = t.String({ minLength: 1, maxLength: 200 });

export const HeartbeatBody = looseObject({
  id,
  uuid,
  conns: t.Optional(t.Array(t.Integer({ minimum: -(2 ** 31), maximum: 2 ** 31 - 1 }), { maxItems: 1000 })),
  modified_at: t.Optional(t.Integer()),
  ver: t.Optional(t.Integer()),
});

// client: src/hbbs_http/sync.rs:125-229 (rustdesk@7423dced) sends every key below as a string, and
// only when non-empty: any other type (null included) is refused.
const SYSINFO_STRINGS = ["cpu", "memory", "os", "hostname", "username", "version", "preset-address-book-name", "preset-address-book-tag", "preset-address-book-alias", "preset-address-book-password", "preset-address-book-note", "preset-note", "preset-user-name", "preset-strategy-name", "preset-device-group-name"] as const;

export const SysinfoBody = looseObject(
  { id, uuid, ...Object.fromEntries(SYSINFO_STRINGS.map((k) => [k, t.Optional(t.String())])) },
  "cpu, memory, os, hostname, username, version and preset-* keys, all strings (keys sorted as the Rust client sends them)",
);

export const HeartbeatReply = t.Object({
  sysinfo: t.Optional(t.Boolean()),
  disconnect: t.Optional(t.Array(t.Integer())),
  strategy: t.Optional(t.Object({ config_options: t.Record(t.String(), t.String()), extra: t.Record(t.String(), t.String()) })),
  modified_at: t.Optional(t.Integer({ description: "Stamp of the settings sent; the device echoes it in its next heartbeats" })),
});

export const UserRow = t.Object({ name: t.String(), display_name: t.String(), email: t.String(), note: t.String(), status: t.Integer(), is_admin: t.Boolean() });
export const PeerRow = t.Object({
  id: t.String(),
  info: t.Object({ username: t.String(), os: t.String(), device_name: t.String() }),
  status: t.Integer(),
  user: t.String(),
  user_name: t.String(),
  device_group_name: t.String(),
  note: t.String(),
});
export const Problem = t.Object({ error: t.String() });
