// Peers and tags of a book over the admin API (/api/admin/ab/books/{book}/peers|tags): list, add, change, delete
// by an explicit list. Same services and checks as the client's routes; the book is named as on the CLI.
import { Elysia, t } from "elysia";
import { addPeer, deletePeers, findPeer, peerPayload, peersOf, updatePeer } from "../addressbook/peers.ts";
import { searchPeers } from "../addressbook/peer-search.ts";
import { addTag, deleteTags, tagsOf, updateTag } from "../addressbook/tags.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { BookParam, Deleted, deletedOf, errors, listOf, operator, PeerOut, READ_AB, TAGS, TagOut, WRITE_AB } from "./address-book-model.ts";
import { adminAuth } from "./token-auth.ts";

const Text = (max: number, description?: string) => t.Optional(t.String({ maxLength: max, ...(description ? { description } : {}) }));
const PeerFields = {
  alias: Text(200),
  note: Text(2000),
  hash: Text(200, "personal books: the client's remembered-password digest"),
  password: Text(200, "shared books: the connect password"),
  username: Text(200),
  hostname: Text(200),
  platform: Text(50),
  tags: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, description: "replaces the peer's tags; new ones are added to the book" })),
  forceAlwaysRelay: Text(10),
  rdpPort: Text(10),
  rdpUsername: Text(200),
  loginName: Text(200),
  device_group_name: Text(200),
};
const PeerId = t.String({ minLength: 1, maxLength: 100, description: "RustDesk ID" });
const Color = t.Integer({ minimum: 0, maximum: 0xffffffff, error: "color: an integer from 0 to 4294967295 (ARGB)" });
const Names = (what: string) => t.Array(t.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 10_000, description: `the ${what} to delete, listed explicitly` });

export function adminAddressBookPeerRoutes(deps: CoreDeps) {
  const op = operator(deps);
  const P = "/api/admin/ab/books/:book";
  return new Elysia({ name: "rdconsole/admin-address-book-peers", detail: { tags: TAGS } })
    .use(adminAuth(deps))
    .get(
      `${P}/peers`,
      ({ request, actor, params, query }) => {
        const { ctx, read } = op(request, actor);
        const book = read(params.book);
        // Without page, page_size or search: every peer, as `ab peers` lists them.
        if (query.page === undefined && query.page_size === undefined && !query.search) {
          const data = peersOf(ctx, book).map((p) => peerPayload(p, book.personal));
          return { total: data.length, data };
        }
        const size = query.page_size ?? 100;
        const { total, rows } = searchPeers(ctx, book, { offset: ((query.page ?? 1) - 1) * size, limit: size, search: query.search });
        return { total, data: rows.map((p) => peerPayload(p, book.personal)) };
      },
      {
        apiToken: READ_AB,
        params: BookParam,
        query: t.Object({
          search: t.Optional(t.String({ maxLength: 200, description: "ID, alias, note, host name or a tag contains (any case)" })),
          page: t.Optional(t.Integer({ minimum: 1, error: "page: a whole number, from 1", description: "page number, from 1 (default 1)" })),
          page_size: t.Optional(t.Integer({ minimum: 1, maximum: 1000, error: "page_size: 1 to 1000", description: "peers per page (default 100; without page, page_size and search: all)" })),
        }),
        response: { 200: listOf(PeerOut), ...errors },
        detail: { summary: "The peers of a book (ab peers), in the order added; one page at a time with page, page_size, search; needs address_books:r" },
      },
    )
    .post(
      `${P}/peers`,
      ({ request, actor, params, body, set }) => {
        const { ctx, write } = op(request, actor);
        const book = write(params.book);
        addPeer(ctx, book.guid, body);
        set.status = 201;
        return peerPayload(findPeer(ctx, book, body.id)!, book.personal);
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        body: t.Object({ id: PeerId, ...PeerFields }, { additionalProperties: false }),
        response: { 201: PeerOut, ...errors },
        detail: { summary: "Add a peer to a book; 409 if it is in it already; needs address_books:rw" },
      },
    )
    .patch(
      `${P}/peers/:id`,
      ({ request, actor, params, body }) => {
        if (Object.values(body).every((v) => v === undefined)) throw invalid("nothing to change: give a peer field");
        const { ctx, write } = op(request, actor);
        const book = write(params.book);
        updatePeer(ctx, book.guid, { ...body, id: params.id });
        return peerPayload(findPeer(ctx, book, params.id)!, book.personal);
      },
      {
        apiToken: WRITE_AB,
        params: t.Object({ book: BookParam.properties.book, id: PeerId }),
        body: t.Object(PeerFields, { additionalProperties: false }),
        response: { 200: PeerOut, ...errors },
        detail: { summary: 'Change a peer: only the fields given change ("" clears one); 404 if it is not in the book; needs address_books:rw' },
      },
    )
    .delete(
      `${P}/peers`,
      ({ request, actor, params, body }) => {
        const { ctx, write } = op(request, actor);
        return deletedOf(body.ids, deletePeers(ctx, write(params.book).guid, body.ids));
      },
      { apiToken: WRITE_AB, params: BookParam, body: t.Object({ ids: Names("RustDesk IDs") }, { additionalProperties: false }), response: { 200: Deleted, ...errors }, detail: { summary: "Delete the peers listed; needs address_books:rw" } },
    )
    .get(`${P}/tags`, ({ request, actor, params }) => {
      const { ctx, read } = op(request, actor);
      const data = tagsOf(ctx, read(params.book));
      return { total: data.length, data };
    }, { apiToken: READ_AB, params: BookParam, response: { 200: listOf(TagOut), ...errors }, detail: { summary: "The tags of a book, in display order; needs address_books:r" } })
    .post(
      `${P}/tags`,
      ({ request, actor, params, body, set }) => {
        const { ctx, write } = op(request, actor);
        addTag(ctx, write(params.book).guid, body);
        set.status = 201;
        return body;
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        body: t.Object({ name: t.String({ minLength: 1, maxLength: 100 }), color: Color }, { additionalProperties: false }),
        response: { 201: TagOut, ...errors },
        detail: { summary: "Add a tag; 409 if the book has it; needs address_books:rw" },
      },
    )
    .patch(
      `${P}/tags/:tag`,
      ({ request, actor, params, body }) => {
        const { ctx, write } = op(request, actor);
        return updateTag(ctx, write(params.book).guid, params.tag, body);
      },
      {
        apiToken: WRITE_AB,
        params: t.Object({ book: BookParam.properties.book, tag: t.String({ minLength: 1, maxLength: 100 }) }),
        body: t.Object({ name: t.Optional(t.String({ minLength: 1, maxLength: 100, description: "new name: every peer's tag list follows" })), color: t.Optional(Color) }, { additionalProperties: false }),
        response: { 200: TagOut, ...errors },
        detail: { summary: "Rename a tag (on every peer too) and/or change its colour; needs address_books:rw" },
      },
    )
    .delete(
      `${P}/tags`,
      ({ request, actor, params, body }) => {
        const { ctx, write } = op(request, actor);
        return deletedOf(body.names, deleteTags(ctx, write(params.book).guid, body.names));
      },
      { apiToken: WRITE_AB, params: BookParam, body: t.Object({ names: Names("tag names") }, { additionalProperties: false }), response: { 200: Deleted, ...errors }, detail: { summary: "Delete the tags listed, and take them off every peer; needs address_books:rw" } },
    );
}
