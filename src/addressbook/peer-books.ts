// The shared address books a device is in (`device show`): where an enrolment or a preset put it.
import { and, asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { abPeers, addressBooks } from "../db/schema.ts";

export interface PeerEntry {
  book: string;
  alias: string;
  tags: string[];
}

export function sharedBooksWithPeer(ctx: ServiceContext, peerId: string): PeerEntry[] {
  return ctx.db
    .select({ book: addressBooks.name, alias: abPeers.alias, tags: abPeers.tags })
    .from(abPeers)
    .innerJoin(addressBooks, eq(addressBooks.id, abPeers.abId))
    .where(and(eq(abPeers.peerId, peerId), eq(addressBooks.personal, false)))
    .orderBy(asc(addressBooks.name))
    .all();
}
