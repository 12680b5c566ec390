// Sharing rules, export and import of a book over the admin API (/api/admin/ab/books/{book}/rules|export|import):
// what `ab rules`, `ab rule set|remove`, `ab export` and `ab import` do. An export's JSON goes back into import as is.
import { Elysia, t } from "elysia";
import { ruleJson } from "../addressbook/json.ts";
import { listRules, permissionOf, removeRule, setRule } from "../addressbook/rules.ts";
import { exportBook, exportCsv, importBook } from "../addressbook/transfer.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { BookParam, errors, listOf, operator, PeerOut, READ_AB, RuleOut, Subjects, subjectOf, TAGS, TagOut, WRITE_AB } from "./address-book-model.ts";
import { adminAuth } from "./token-auth.ts";

const Permission = t.UnionEnum(["read", "rw", "full"], { description: "read, rw (read/write) or full (full control)", error: "permission: read, rw or full" });
const ExportDoc = t.Object({ name: t.String(), personal: t.Boolean(), note: t.String(), tags: t.Array(TagOut), peers: t.Array(PeerOut) });

export function adminAddressBookRuleRoutes(deps: CoreDeps) {
  const op = operator(deps);
  const P = "/api/admin/ab/books/:book";
  return new Elysia({ name: "rdconsole/admin-address-book-rules", detail: { tags: TAGS } })
    .use(adminAuth(deps))
    .get(`${P}/rules`, ({ request, actor, params }) => {
      const { ctx, read } = op(request, actor);
      const data = listRules(ctx, read(params.book)).map(ruleJson);
      return { total: data.length, data };
    }, { apiToken: READ_AB, params: BookParam, response: { 200: listOf(RuleOut), ...errors }, detail: { summary: "Who may use a shared book (ab rules); needs address_books:r" } })
    .put(
      `${P}/rules`,
      ({ request, actor, params, body }) => {
        const subject = subjectOf(body);
        const { ctx, read } = op(request, actor);
        return ruleJson(setRule(ctx, read(params.book), subject, permissionOf(body.permission)));
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        body: t.Object({ ...Subjects, permission: Permission }, { additionalProperties: false }),
        response: { 200: RuleOut, ...errors },
        detail: { summary: "Give one user, group or everyone read, rw or full access, creating or changing the rule (ab rule set); user > group > everyone; needs address_books:rw" },
      },
    )
    .delete(
      `${P}/rules`,
      ({ request, actor, params, body }) => {
        const subject = subjectOf(body);
        const { ctx, read } = op(request, actor);
        return { removed: ruleJson(removeRule(ctx, read(params.book), subject)) };
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        body: t.Object(Subjects, { additionalProperties: false }),
        response: { 200: t.Object({ removed: RuleOut }), ...errors },
        detail: { summary: "Take a user's, a group's or everyone's rule away (ab rule remove); 404 if there is none; needs address_books:rw" },
      },
    )
    .get(
      `${P}/export`,
      ({ request, actor, params, query }) => {
        const { ctx, read } = op(request, actor);
        const book = read(params.book);
        if (query.format === "csv") return new Response(exportCsv(ctx, book), { headers: { "content-type": "text/csv; charset=utf-8" } });
        return exportBook(ctx, book);
      },
      {
        apiToken: READ_AB,
        params: BookParam,
        query: t.Object({ format: t.Optional(t.UnionEnum(["json", "csv"], { error: "format: json or csv", description: "json (default: everything, for import) or csv (id,alias,tags,note)" })) }),
        response: { 200: ExportDoc, ...errors },
        detail: { summary: "A book's tags and peers as JSON (ab export --json), or CSV with ?format=csv (ab export); needs address_books:r" },
      },
    )
    .post(
      `${P}/import`,
      ({ request, actor, params, body }) => {
        const { text, ...doc } = body;
        if ((text === undefined) === (doc.peers === undefined)) throw invalid('give either an export document (with "peers") or "text" (a file of ab export: JSON or CSV)');
        const { ctx, write } = op(request, actor);
        return importBook(ctx, write(params.book), text ?? doc);
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        body: t.Object(
          {
            text: t.Optional(t.String({ description: "a file as `ab import` reads it: JSON of an export, or CSV id,alias,tags,note" })),
            peers: t.Optional(t.Array(t.Object({ id: t.String() }, { additionalProperties: true }), { description: "an export document's peers (GET …/export)" })),
            tags: t.Optional(t.Array(t.Object({ name: t.String(), color: t.Optional(t.Integer()) }, { additionalProperties: true }))),
            name: t.Optional(t.String({ description: "ignored: the book is the one in the path" })),
            personal: t.Optional(t.Boolean()),
            note: t.Optional(t.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: t.Object({ added: t.Integer(), updated: t.Integer() }), ...errors },
        detail: { summary: "Merge peers into a book (ab import): the JSON of GET …/export as is, or {text} with a file's JSON or CSV; new peers added, others updated; all or nothing; needs address_books:rw" },
      },
    );
}
