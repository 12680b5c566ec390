// The targets the admin API lists: the notify.* settings' (read-only), then those saved at runtime.
import type { LiveConfig } from "../config/live.ts";
import type { ServiceContext } from "../core/context.ts";
import { notFound } from "../core/errors.ts";
import { requireStored } from "./service.ts";
import { configTargets, readStoredTargets, storedJson, type NotificationTarget } from "./targets.ts";

export function listTargets(ctx: ServiceContext, live: LiveConfig): NotificationTarget[] {
  live.sync();
  const now = live.current();
  return [...configTargets(now.config, now.sources), ...readStoredTargets(ctx).map(storedJson)];
}

/** A target by id, with its secret for a test delivery (never for the wire). */
export function findTarget(ctx: ServiceContext, live: LiveConfig, id: string): { json: NotificationTarget; secret: string } {
  if (id.startsWith("config.")) {
    const hit = listTargets(ctx, live).find((t) => t.id === id);
    if (!hit) throw notFound(`notification target ${id.slice(0, 60)} not found`);
    return { json: hit, secret: "" };
  }
  const row = requireStored(ctx, id);
  return { json: storedJson(row), secret: row.secret };
}
