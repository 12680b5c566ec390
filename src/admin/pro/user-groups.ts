// RustDesk Server Pro's admin routes for user groups (pro-admin-api §4, routes #10-#14), as res/user-groups.py
// calls them: every call, GET and DELETE included, carries Content-Type: application/json, mostly with an
// empty body (client: res/user-groups.py:34-35 (rustdesk@7423dced)); add-users posts a bare JSON array.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../../core/deps.ts";
import { pageOf } from "../../core/page.ts";
import { addUsersToGroup, createGroupWithRules, deleteGroupByGuid, listGroupsFiltered, updateGroup, type ProGroup } from "../../groups/pro.ts";
import { requestContext } from "../../http/context.ts";
import { adminAuth } from "../token-auth.ts";
import { naiveUtc } from "./list.ts";
import { done, Guid } from "./users.ts";

const READ = { area: "groups" as const, write: false };
const WRITE = { area: "groups" as const, write: true };
const detail = (summary: string, description?: string) => ({ tags: ["admin: pro"], summary, ...(description ? { description } : {}) });

const Rule = t.Object({ type: t.Integer({ error: "type: 0 (user group), 1 (device group) or 2 (user)" }), name: t.String({ minLength: 1, maxLength: 128 }) });
const Rules = t.Array(Rule, { maxItems: 1000 });
const Text = (max: number) => t.String({ maxLength: max });

/** A user group as §2.2 has it; the rule lists in the shape the requests use, so `view` output can be pasted back. */
const proGroup = (g: ProGroup) => ({
  guid: g.group.guid,
  name: g.group.name,
  note: g.group.note,
  allowed_incomings: g.incomings,
  allowed_outgoings: g.outgoings,
  user_count: g.userCount,
  created_at: naiveUtc(g.group.createdAt),
});

export function proUserGroupRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/admin-pro-user-groups", detail: { tags: ["admin: pro"] } })
    .use(adminAuth(deps))
    .get(
      "/api/user-groups",
      ({ request, query, actor }) => {
        // client: res/user-groups.py:42-44 (rustdesk@7423dced) sends name raw (exact unless it holds %) and pageSize=50.
        const { total, rows } = listGroupsFiltered(requestContext(deps, request, actor), { name: query.name }, pageOf(query, 10));
        return { total, data: rows.map(proGroup) };
      },
      {
        apiToken: READ,
        query: t.Object({ name: t.Optional(t.String()), current: t.Optional(t.String()), pageSize: t.Optional(t.String()) }),
        detail: detail("User groups (Pro's list)", "Filter name (SQL LIKE: % and _, else exact, case-insensitive), paged by current and pageSize (default 10)."),
      },
    )
    .post(
      "/api/user-groups",
      ({ request, body, actor }) => {
        createGroupWithRules(requestContext(deps, request, actor), { name: body.name, note: body.note, incomings: body.allowed_incomings, outgoings: body.allowed_outgoings });
        return done();
      },
      {
        apiToken: WRITE,
        body: t.Object({ name: Text(128), note: t.Optional(Text(2000)), allowed_incomings: t.Optional(Rules), allowed_outgoings: t.Optional(Rules) }),
        detail: detail(
          "Create a user group (user-groups.py add)",
          "Body {name, note?, allowed_incomings?, allowed_outgoings?}; rules [{type, name}]: incomings type 0 (user group) or 2 (a single user, who then sees the members and their devices), outgoings type 0 (user group) or 1 (device group); an unknown name refuses the whole request.",
        ),
      },
    )
    .patch(
      "/api/user-groups/:guid",
      ({ request, params, body, actor }) => {
        updateGroup(requestContext(deps, request, actor), params.guid, { name: body.name, note: body.note, incomings: body.allowed_incomings, outgoings: body.allowed_outgoings });
        return done();
      },
      {
        apiToken: WRITE,
        params: Guid,
        body: t.Object({ name: t.Optional(Text(128)), note: t.Optional(Text(2000)), allowed_incomings: t.Optional(Rules), allowed_outgoings: t.Optional(Rules) }),
        detail: detail("Change a user group (user-groups.py update)", "Only the fields given change; a rule list given replaces the old one ([] clears it)."),
      },
    )
    .delete(
      "/api/user-groups/:guid",
      ({ request, params, actor }) => {
        deleteGroupByGuid(requestContext(deps, request, actor), params.guid);
        return done();
      },
      { apiToken: WRITE, params: Guid, detail: detail("Delete a user group (user-groups.py delete)", "Refused for Default and for a group that still has users.") },
    )
    .post(
      "/api/user-groups/:guid",
      ({ request, params, body, actor }) => {
        addUsersToGroup(requestContext(deps, request, actor), params.guid, body);
        return done();
      },
      {
        apiToken: WRITE,
        params: Guid,
        // client: res/user-groups.py:208 (rustdesk@7423dced) posts a bare JSON array of user guids.
        body: t.Array(t.String({ minLength: 1, maxLength: 64 }), { maxItems: 10_000, error: "a JSON array of user guids" }),
        detail: detail("Move users into a user group (user-groups.py add-users)", "Body: a bare JSON array of user guids; each user leaves its old group."),
      },
    );
}
