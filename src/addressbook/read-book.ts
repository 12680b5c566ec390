// Books for reading on the CLI and the admin API (peers, export, rules, show): an administrator
// looking at "@alice" must not create alice's personal book. A personal book that was never
// created reads as an empty one: a row that is not stored, whose id no peer, tag or rule has.
import type { ServiceContext } from "../core/context.ts";
import { notFound } from "../core/errors.ts";
import { findUserRow } from "../users/service.ts";
import type { BookRow } from "./access.ts";
import { findBook, findPersonalBook } from "./books.ts";

const NOT_STORED = -1;

/** Like findBook, without the get-or-create of "@user". */
export function readBook(ctx: ServiceContext, ref: string): BookRow {
  if (!ref.startsWith("@")) return findBook(ctx, ref);
  const user = findUserRow(ctx, ref.slice(1));
  if (!user) throw notFound(`user "${ref.slice(1)}" not found`);
  return findPersonalBook(ctx, user.id) ?? { id: NOT_STORED, guid: "", ownerId: user.id, personal: true, name: "", note: "", password: "", createdAt: 0, updatedAt: 0 };
}
