// What a key enrolled (`token enrolments`): one row per rustdesk --assign / --deploy it served, newest last.
import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { apiTokens, devices, tokenEnrolments } from "../db/schema.ts";
import type { Token } from "./model.ts";
import { getToken } from "./service.ts";

export interface TokenEnrolment {
  /** The RustDesk ID enrolled. */
  device: string;
  kind: "assign" | "deploy";
  at: number;
  ip: string | null;
  /** What it set (the book's password masked). */
  set: Record<string, string | boolean>;
  /** False once the device was deleted (or its ID changed). */
  registered: boolean;
}

export function listTokenEnrolments(ctx: ServiceContext, ref: string): { token: Token; enrolments: TokenEnrolment[] } {
  const token = getToken(ctx, ref);
  const rows = ctx.db
    .select({ e: tokenEnrolments, rdId: devices.rdId })
    .from(tokenEnrolments)
    .innerJoin(apiTokens, eq(apiTokens.id, tokenEnrolments.tokenId))
    .leftJoin(devices, eq(devices.id, tokenEnrolments.deviceId))
    .where(eq(apiTokens.guid, token.guid))
    .orderBy(asc(tokenEnrolments.id))
    .all();
  return {
    token,
    enrolments: rows.map(({ e, rdId }) => ({ device: e.rdId, kind: e.kind, at: e.at, ip: e.ip, set: e.set, registered: rdId === e.rdId })),
  };
}
