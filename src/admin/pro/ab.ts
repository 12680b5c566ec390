// RustDesk Server Pro's address-book routes (pro-admin-api §8, routes #30-#46), as res/ab.py calls them with an
// API token. Most paths are also the client's (src/addressbook/routes.ts, §6 of the client contract):
// - the reads #30, #31, #35, #39: the client POSTs them (registered there); the script GETs them (here);
// - the mutations #36-#38 and #40-#42 are the client's own routes, registered here only (Elysia registers a
//   method and path once) and dispatching on the kind of Bearer token: a user login gets exactly the client's
//   behaviour, an API token acts for its owner (§1.2: /api/ab/personal is the owner's book, shared books it
//   creates are the owner's; an administrator has full control of every shared book).
// - #32-#34 and #43-#46 take API tokens only.
// Every mutation answers 200 with an empty body (the client requires it; the script prints "Result: Success").
import { Elysia, t, type TSchema } from "elysia";
import { requireBook, READ } from "../../addressbook/access.ts";
import { createSharedBook, deleteBooks, personalBook, sharedProfilesPage, updateBook } from "../../addressbook/books.ts";
import { Guid, IdList, PeerBody, PeerOut, Problem, Profile, Tag, TagBody, TagList } from "../../addressbook/model.ts";
import { addPeer, deletePeers, peersPage, updatePeer } from "../../addressbook/peers.ts";
import { addRule, removeRulesByGuid, rulesPage, setRuleByGuid, type Subject } from "../../addressbook/rules.ts";
import { addTag, deleteTags, listTags, setTagColor } from "../../addressbook/tags.ts";
import type { Actor } from "../../core/context.ts";
import type { CoreDeps } from "../../core/deps.ts";
import { ServiceError } from "../../core/errors.ts";
import { pageOf } from "../../core/page.ts";
import { requestContext } from "../../http/context.ts";
import { looseObject } from "../../http/schema.ts";
import { adminAuth, userOrTokenAuth } from "../token-auth.ts";
import { filterOf, ok } from "./shared.ts";

const READ_AB = { area: "address_books" as const, write: false };
const WRITE_AB = { area: "address_books" as const, write: true };
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const CLIENT = ["client: address book", "admin: pro"];
const detail = (summary: string, description: string, tags = ["admin: pro"]) => ({ tags, summary, description });

const Text = (max: number) => t.String({ maxLength: max });
const Nullable = (max: number) => t.Optional(t.Union([Text(max), t.Null()]));
const Guids = (what: string) => t.Array(t.String({ maxLength: 64 }), { maxItems: 10_000, description: `JSON array of ${what} guids` });
const Rule = t.Integer({ minimum: 1, maximum: 3, description: "1 read, 2 read/write, 3 full control", error: "rule: 1 (read), 2 (read/write) or 3 (full control)" });
const Info = t.Optional(looseObject({ password: t.Optional(Text(200)) }));

/** A client mutation, now also Pro's: user login or API token (address_books:rw); 200 with an empty body. */
const mutation = <B extends TSchema>(body: B, summary: string) => ({
  userOrToken: WRITE_AB,
  body,
  response: { 200: t.Void(), ...errors },
  detail: detail(summary, "With a user login token: the client's route, on books that user may write. With an API token (address_books:rw): acts for its owner. 200 with an empty body on success.", CLIENT),
});

export function proAddressBookRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  const requireAb = (query: Record<string, string | undefined>) => {
    if (!query.ab) throw new ServiceError("INVALID_INPUT", "missing query parameter ab (the address book guid)");
    return query.ab;
  };
  return (
    new Elysia({ name: "rdconsole/admin-pro-ab", detail: { tags: ["admin: pro"] } })
      .use(userOrTokenAuth(deps))
      .use(adminAuth(deps))
      // #30: client: res/ab.py:13 (rustdesk@7423dced) GETs what the client POSTs; it needs a JSON body back.
      .get("/api/ab/personal", ({ request, actor }) => ({ guid: personalBook(ctxOf(request, actor), actor.userId).guid }), {
        userOrToken: READ_AB,
        response: { 200: Guid, 401: Problem, 403: Problem },
        detail: detail("The caller's personal address book (API token: its owner's)", "Created on first use. The client POSTs the same path.", CLIENT),
      })
      // #31: client: res/ab.py:21-59 (rustdesk@7423dced) sends name raw (not wrapped in %) and pages with pageSize=30.
      .get(
        "/api/ab/shared/profiles",
        ({ request, actor, query, viaToken }) => sharedProfilesPage(ctxOf(request, actor), pageOf(query, 100), viaToken ? { name: filterOf(query, "name") } : {}),
        {
          userOrToken: READ_AB,
          response: { 200: t.Object({ total: t.Integer(), data: t.Array(Profile) }), ...errors },
          detail: detail(
            "Shared address books",
            "With an API token: every shared book (rule 3), filter name (SQL LIKE: % and _, else exact, case-insensitive), paged by current/pageSize. With a user login: the books that user may see, as the client's POST. The personal book is never listed.",
            CLIENT,
          ),
        },
      )
      // #35: client: res/ab.py:71-111 (rustdesk@7423dced) wraps id and alias in %…% and sends ab raw.
      .get(
        "/api/ab/peers",
        ({ request, actor, query, viaToken }) =>
          peersPage(ctxOf(request, actor), requireAb(query), pageOf(query, 100), viaToken ? { id: filterOf(query, "id"), alias: filterOf(query, "alias") } : {}),
        {
          userOrToken: READ_AB,
          response: { 200: t.Object({ total: t.Integer(), data: t.Array(PeerOut) }), ...errors },
          detail: detail("Peers of a book", "Query: ab (guid), current, pageSize; with an API token also id and alias (SQL LIKE, case-insensitive). The client POSTs the same path.", CLIENT),
        },
      )
      // #39: a bare array; client: res/ab.py:114-129 (rustdesk@7423dced) rewrites integer colours as hex.
      .get("/api/ab/tags/:guid", ({ request, actor, params }) => listTags(ctxOf(request, actor), params.guid), {
        userOrToken: READ_AB,
        response: { 200: t.Array(Tag), ...errors },
        detail: detail("Tags of a book", "A bare array in display order; colour is a 32-bit ARGB integer. The client POSTs the same path.", CLIENT),
      })
      // #36-#38, #40-#42: the client's mutations (test/contract/addressbook.test.ts), now also Pro's.
      .post("/api/ab/peer/add/:guid", ({ request, actor, params, body }) => (addPeer(ctxOf(request, actor), params.guid, body), ok()), mutation(PeerBody, "Add a peer"))
      .put("/api/ab/peer/update/:guid", ({ request, actor, params, body }) => (updatePeer(ctxOf(request, actor), params.guid, body), ok()), mutation(PeerBody, "Update a peer: only the fields sent change"))
      .delete("/api/ab/peer/:guid", ({ request, actor, params, body }) => (deletePeers(ctxOf(request, actor), params.guid, body), ok()), mutation(IdList, "Delete peers by ID"))
      .post("/api/ab/tag/add/:guid", ({ request, actor, params, body }) => (addTag(ctxOf(request, actor), params.guid, body), ok()), mutation(TagBody, "Add a tag"))
      // client: res/ab.py:291-302 (rustdesk@7423dced) sends "color": null when --tag-color is omitted: refused (400 {error}), never stored.
      .put("/api/ab/tag/update/:guid", ({ request, actor, params, body }) => (setTagColor(ctxOf(request, actor), params.guid, body), ok()), mutation(TagBody, "Change a tag's colour"))
      .delete("/api/ab/tag/:guid", ({ request, actor, params, body }) => (deleteTags(ctxOf(request, actor), params.guid, body), ok()), mutation(TagList, "Delete tags (and from every peer)"))
      // #32: client: res/ab.py:316-333 (rustdesk@7423dced) always sends note, possibly null; info only with --password.
      .post(
        "/api/ab/shared/add",
        ({ request, actor, owner, body }) => {
          createSharedBook(ctxOf(request, actor), { name: body.name, owner: owner.name, note: body.note ?? "", password: body.info?.password ?? "" });
          return ok();
        },
        {
          apiToken: WRITE_AB,
          body: looseObject({ name: Text(100), note: Nullable(2000), info: Info }),
          detail: detail("Create a shared address book (ab.py add-ab)", "Body {name, note, info?: {password}}; owned by the token's owner."),
        },
      )
      // #33: client: res/ab.py:336-362 (rustdesk@7423dced) sends guid plus only the fields given; owner is a user name.
      .put(
        "/api/ab/shared/update/profile",
        ({ request, actor, body }) => {
          const ctx = ctxOf(request, actor);
          updateBook(ctx, requireBook(ctx, body.guid, READ), {
            name: body.name ?? undefined,
            note: body.note ?? undefined,
            owner: body.owner ?? undefined,
            password: body.info?.password,
          });
          return ok();
        },
        {
          apiToken: WRITE_AB,
          body: looseObject({ guid: Text(64), name: Nullable(100), note: Nullable(2000), owner: Nullable(128), info: Info }),
          detail: detail("Change a shared address book (ab.py update-ab)", "Body {guid, name?, note?, owner? (a user name: transfers the book), info?: {password}}; absent fields stay."),
        },
      )
      // #34: a bare array of book guids on a DELETE (§1.3).
      .delete("/api/ab/shared", ({ request, actor, body }) => (deleteBooks(ctxOf(request, actor), body), ok()), {
        apiToken: WRITE_AB,
        body: Guids("address book"),
        detail: detail("Delete shared address books (ab.py delete-ab)", "Body: a JSON array of guids; with their peers, tags and rules. All or nothing."),
      })
      // #43: client: res/ab.py:396-433 (rustdesk@7423dced) pages with ab and pageSize=30 and maps rule 1/2/3 to ro/rw/full.
      .get(
        "/api/ab/rules",
        ({ request, actor, query }) => {
          const ctx = ctxOf(request, actor);
          return rulesPage(ctx, requireBook(ctx, requireAb(query), READ), pageOf(query, 10));
        },
        {
          apiToken: READ_AB,
          response: { 200: t.Object({ total: t.Integer(), data: t.Array(t.Object({ guid: t.String(), user: t.Union([t.String(), t.Null()]), group: t.Union([t.String(), t.Null()]), rule: t.Integer() })) }), ...errors },
          detail: detail("Sharing rules of a book (ab.py view-rule)", "Query ab (guid), current, pageSize. Rows {guid, user, group, rule}: user and group null = everyone."),
        },
      )
      // #44: client: res/ab.py:436-455 (rustdesk@7423dced) sends {guid (the book), rule} and user or group or neither (everyone).
      .post(
        "/api/ab/rule",
        ({ request, actor, body }) => {
          const ctx = ctxOf(request, actor);
          if (body.user && body.group) throw new ServiceError("INVALID_INPUT", "a rule is for a user or a group or everyone, not both");
          const subject: Subject = body.user ? { user: body.user } : body.group ? { group: body.group } : { everyone: true };
          addRule(ctx, requireBook(ctx, body.guid, READ), subject, body.rule);
          return ok();
        },
        {
          apiToken: WRITE_AB,
          body: looseObject({ guid: Text(64), rule: Rule, user: Nullable(128), group: Nullable(128) }),
          detail: detail("Share a book (ab.py add-rule)", "Body {guid: book guid, rule: 1|2|3, user? | group?} (neither = everyone). A second rule for the same subject is refused (409)."),
        },
      )
      // #45: client: res/ab.py:458-469 (rustdesk@7423dced) sends the rule's guid only; the book is not sent.
      .patch("/api/ab/rule", ({ request, actor, body }) => (setRuleByGuid(ctxOf(request, actor), body.guid, body.rule), ok()), {
        apiToken: WRITE_AB,
        body: looseObject({ guid: Text(64), rule: Rule }),
        detail: detail("Change a sharing rule (ab.py update-rule)", "Body {guid: rule guid, rule: 1|2|3}."),
      })
      // #46: a bare array of rule guids on a DELETE.
      .delete("/api/ab/rules", ({ request, actor, body }) => (removeRulesByGuid(ctxOf(request, actor), body), ok()), {
        apiToken: WRITE_AB,
        body: Guids("rule"),
        detail: detail("Remove sharing rules (ab.py delete-rule)", "Body: a JSON array of rule guids. All or nothing."),
      })
  );
}
