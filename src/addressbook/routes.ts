// The client's address-book endpoints (§6, test vectors T6/T7; client: flutter/lib/models/ab_model.dart:142-209 (rustdesk@7423dced)).
// Every action answers 200 with an empty body on success.
import { Elysia, t, type TSchema } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { ServiceError } from "../core/errors.ts";
import { authMacro } from "../auth/macro.ts";
import { requestContext } from "../http/context.ts";
import type { Actor } from "../core/context.ts";
import { personalBook, sharedProfilesPage } from "./books.ts";
import { legacyGet, legacyReplace } from "./legacy.ts";
import { Guid, LegacyBody, PeerOut, Problem, Profile, RenameBody, Settings, Tag } from "./model.ts";
import { pageOf } from "../core/page.ts";
import { peersPage } from "./peers.ts";
import { listTags, renameTag } from "./tags.ts";

// client: flutter/lib/models/ab_model.dart:2002-2026 (rustdesk@7423dced) accepts an action only as
// 200 with an empty body; {} or null is shown as an error.
const done = () => new Response(null, { status: 200 });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Options of an action endpoint: authenticated, a JSON body, 200 with an empty body. */
const action = <B extends TSchema>(body: B, summary: string) => ({
  auth: true as const,
  body,
  response: { 200: t.Void(), ...errors },
  detail: { summary, description: "200 with an empty body on success." },
});

export function addressBookRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/addressbook", detail: { tags: ["client: address book"] } })
    .use(authMacro(deps))
    .post("/api/ab/personal", ({ request, actor }) => ({ guid: personalBook(ctxOf(request, actor), actor.userId).guid }), {
      auth: true,
      response: { 200: Guid, 401: Problem },
      detail: { summary: "The caller's personal address book", description: "Created on first use. A 404 here would switch the client to legacy mode." },
    })
    .post("/api/ab/settings", () => ({ max_peer_one_ab: deps.config.address_book.max_peers }), {
      auth: true,
      response: { 200: Settings, 401: Problem },
      detail: { summary: "Address-book limits", description: "max_peer_one_ab: peers per book the client may add (0 = unlimited)." },
    })
    .post("/api/ab/shared/profiles", ({ request, actor, query }) => sharedProfilesPage(ctxOf(request, actor), pageOf(query, 100)), {
      auth: true,
      response: { 200: t.Object({ total: t.Integer(), data: t.Array(Profile) }), 401: Problem },
      detail: { summary: "Shared address books the caller may see", description: "Paged by current/pageSize; the personal book is never listed." },
    })
    .post(
      "/api/ab/peers",
      ({ request, actor, query }) => {
        if (!query.ab) throw new ServiceError("INVALID_INPUT", "missing query parameter ab (the address book guid)");
        return peersPage(ctxOf(request, actor), query.ab, pageOf(query, 100));
      },
      {
        auth: true,
        // Peers are not checked at run time: even a one-key object schema cost ~1 ms per 100-peer page.
        response: { 200: t.Object({ total: t.Integer(), data: t.Array(PeerOut) }), ...errors },
        detail: { summary: "Peers of a book", description: "Query: ab (guid), current, pageSize. `total` is always an integer." },
      },
    )
    .post("/api/ab/tags/:guid", ({ request, actor, params }) => listTags(ctxOf(request, actor), params.guid), {
      auth: true,
      response: { 200: t.Array(Tag), ...errors },
      detail: { summary: "Tags of a book", description: "A bare array in display order; colour is a 32-bit ARGB integer." },
    })
    // The mutations (peer add/update/delete, tag add/update/delete) are shared with Pro's ab.py and dispatch on
    // the token kind: registered in src/admin/pro/ab.ts.
    .put("/api/ab/tag/rename/:guid", ({ request, actor, params, body }) => (renameTag(ctxOf(request, actor), params.guid, body), done()), action(RenameBody, "Rename a tag (and in every peer)"))
    .get(
      "/api/ab",
      ({ request, actor }) => {
        const { data } = legacyGet(ctxOf(request, actor), actor.userId);
        return { data, licensed_devices: 0 };
      },
      {
        auth: true,
        response: { 200: t.Object({ data: t.String(), licensed_devices: t.Integer() }), 401: Problem },
        detail: { summary: "Legacy: the personal book as one blob", description: "data is a JSON string of {tags, peers, tag_colors}." },
      },
    )
    .post("/api/ab", ({ request, actor, body }) => (legacyReplace(ctxOf(request, actor), actor.userId, body.data), done()), action(LegacyBody, "Legacy: replace the personal book"))
    .post(
      "/api/ab/get",
      ({ request, actor }) => {
        const { data, updatedAt } = legacyGet(ctxOf(request, actor), actor.userId);
        return { data, updated_at: Math.floor(updatedAt / 1000) };
      },
      {
        auth: true,
        response: { 200: t.Object({ data: t.String(), updated_at: t.Integer() }), 401: Problem },
        detail: { summary: "Legacy (Sciter UI): the personal book", description: "Like GET /api/ab, with updated_at (Unix seconds)." },
      },
    );
}
