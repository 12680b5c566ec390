// A ban as JSON, for `ban list --json` and the admin API: one shape.
import type { Ban } from "./service.ts";

export const banJson = (b: Ban) => ({
  id: b.id,
  guid: b.guid,
  cidr: b.cidr,
  comment: b.comment,
  created_by: b.createdBy,
  created_at: new Date(b.createdAt).toISOString(),
  expires_at: b.expiresAt === null ? null : new Date(b.expiresAt).toISOString(),
});
