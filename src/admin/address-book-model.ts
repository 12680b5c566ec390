// What the admin address-book routes share: the area, the wire shapes, the book named in the path, and the
// context they act in — the operator's, as the CLI: every book, personal ones included, audited as token:<name>.
import { t, type TSchema } from "elysia";
import { findBook } from "../addressbook/books.ts";
import { readBook } from "../addressbook/read-book.ts";
import type { Subject } from "../addressbook/rules.ts";
import type { Actor, ServiceContext } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";

export const READ_AB = { area: "address_books" as const, write: false };
export const WRITE_AB = { area: "address_books" as const, write: true };
export const TAGS = ["admin: address books"];

const Problem = t.Object({ error: t.String(), code: t.String() });
export const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
export const listOf = <S extends TSchema>(item: S) => t.Object({ total: t.Integer(), data: t.Array(item) });

const BookRef = t.String({ minLength: 1, maxLength: 200, description: 'a shared book\'s name (any case) or guid, or "@user" for that user\'s personal book' });
export const BookParam = t.Object({ book: BookRef });

export const BookOut = t.Object({
  guid: t.String({ description: '"" for a personal book never used yet' }),
  name: t.String({ description: '"@owner" for a personal book' }),
  personal: t.Boolean(),
  owner: t.String(),
  note: t.String(),
  has_password: t.Boolean({ description: "a book-wide default connect password is set" }),
  peers: t.Integer(),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});
export const RuleOut = t.Object({
  guid: t.String(),
  user: t.Nullable(t.String()),
  group: t.Nullable(t.String(), { description: "user and group null: everyone" }),
  rule: t.Integer({ description: "1 read, 2 read/write, 3 full control" }),
  permission: t.UnionEnum(["read", "rw", "full"]),
});
export const TagOut = t.Object({ name: t.String(), color: t.Integer({ description: "32-bit ARGB" }) });
export const PeerOut = t.Record(t.String(), t.Unknown(), {
  description: "{id, hash (personal) | password (shared), username, hostname, platform, alias, tags: string[], note} plus any of forceAlwaysRelay, rdpPort, rdpUsername, loginName, device_group_name",
});
export const Deleted = t.Object({ deleted: t.Array(t.String()), missing: t.Array(t.String(), { description: "given but not there" }) });

export const Subjects = {
  user: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
  group: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
  everyone: t.Optional(t.Literal(true)),
};

export function subjectOf(body: { user?: string; group?: string; everyone?: true }): Subject {
  const given = [body.user !== undefined, body.group !== undefined, body.everyone === true].filter(Boolean).length;
  if (given !== 1) throw invalid('name exactly one of user, group or "everyone": true');
  return body.user !== undefined ? { user: body.user } : body.group !== undefined ? { group: body.group } : { everyone: true };
}

/** The request's context with the operator's rights; `read` finds a book without creating a personal one, `write` creates it on first use. */
export function operator(deps: CoreDeps) {
  return (request: Request, actor: Actor) => {
    const ctx: ServiceContext = requestContext(deps, request, { ...actor, operator: true });
    return { ctx, read: (ref: string) => readBook(ctx, ref), write: (ref: string) => findBook(ctx, ref) };
  };
}

/** What a bulk delete reports: the names deleted and the ones that were not there. */
export const deletedOf = (asked: string[], gone: string[]) => ({ deleted: gone, missing: [...new Set(asked)].filter((n) => !gone.includes(n)) });
