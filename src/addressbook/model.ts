// Wire shapes of the client's address-book endpoints, as client: flutter/lib/common/hbbs/hbbs.dart:258-286 (rustdesk@7423dced) parses them.
import { t } from "elysia";
import { looseObject } from "../http/schema.ts";

const opt = (maxLength: number) => t.Optional(t.Union([t.String({ maxLength }), t.Null()]));

export const PeerBody = looseObject({
  id: t.String({ minLength: 1, maxLength: 100 }),
  alias: opt(200),
  note: opt(2000),
  hash: opt(200),
  password: opt(200),
  username: opt(200),
  hostname: opt(200),
  platform: opt(50),
  tags: t.Optional(t.Union([t.Array(t.String({ maxLength: 100 }), { maxItems: 100 }), t.Null()])),
  forceAlwaysRelay: t.Optional(t.Union([t.String({ maxLength: 10 }), t.Boolean(), t.Null()])),
  rdpPort: t.Optional(t.Union([t.String({ maxLength: 10 }), t.Integer(), t.Null()])),
  rdpUsername: opt(200),
  loginName: opt(200),
  device_group_name: opt(200),
  same_server: t.Optional(t.Union([t.Boolean(), t.Null()])),
});

export const IdList = t.Array(t.String({ maxLength: 100 }), { maxItems: 10_000, description: "JSON array of peer IDs" });
export const TagList = t.Array(t.String({ maxLength: 100 }), { maxItems: 10_000, description: "JSON array of tag names" });
export const TagBody = looseObject({ name: t.String({ minLength: 1, maxLength: 100 }), color: t.Integer({ minimum: 0, maximum: 0xffffffff, error: "color: an integer from 0 to 4294967295 (ARGB)" }) });
export const RenameBody = looseObject({ old: t.String({ maxLength: 100 }), new: t.String({ minLength: 1, maxLength: 100 }) });
export const LegacyBody = looseObject({ data: t.String({ description: 'JSON string {"tags":[…],"peers":[…],"tag_colors":"{…}"}' }) });

export const Problem = t.Object({ error: t.String() });
export const Guid = t.Object({ guid: t.String() });
export const Settings = t.Object({ max_peer_one_ab: t.Integer() });
export const Profile = t.Object({
  guid: t.String(),
  name: t.String(),
  owner: t.String(),
  note: t.String(),
  rule: t.Integer({ description: "1 read, 2 read/write, 3 full control" }),
  info: t.Object({ password: t.Optional(t.String()) }),
});
export const Tag = t.Object({ name: t.String(), color: t.Integer() });

/**
 * A peer as listed (client: flutter/lib/models/peer_model.dart:33-48 (rustdesk@7423dced)): all strings except tags
 * (array); hash in personal books, password in shared ones.
 */
export const PeerOut = t.Any({
  description: "{id, hash (personal) | password (shared), username, hostname, platform, alias, tags: string[], note} plus the extras the client sent (forceAlwaysRelay, rdpPort, rdpUsername, loginName, device_group_name)",
});
