// rdconsole's own admin API for address books (/api/admin/ab/…) — what `rdconsole ab …` does, over the same
// services: books here (list, show, create, change and rename, delete); peers and tags in address-book-peers.ts;
// rules, export and import in address-book-rules.ts. Area address_books (r to read, rw to change). A book is named
// as on the command line: a shared book's name or guid, or "@user" for a personal one.
import { Elysia, t } from "elysia";
import { createSharedBook, deleteBook, updateBook } from "../addressbook/books.ts";
import { bookJson } from "../addressbook/json.ts";
import { listBooks, showBook } from "../addressbook/views.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { adminAddressBookPeerRoutes } from "./address-book-peers.ts";
import { adminAddressBookRuleRoutes } from "./address-book-rules.ts";
import { BookOut, BookParam, errors, listOf, operator, READ_AB, TAGS, WRITE_AB } from "./address-book-model.ts";
import { adminAuth } from "./token-auth.ts";

const Name = t.String({ minLength: 1, maxLength: 100 });
const Note = t.String({ maxLength: 2000 });
const Password = t.String({ maxLength: 200, description: 'book-wide default connect password ("" clears)' });

export function adminAddressBookRoutes(deps: CoreDeps) {
  const op = operator(deps);
  return new Elysia({ name: "rdconsole/admin-address-books", detail: { tags: TAGS } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/ab/books",
      ({ request, actor, query }) => {
        const data = listBooks(op(request, actor).ctx, { user: query.user }).map(bookJson);
        return { total: data.length, data };
      },
      {
        apiToken: READ_AB,
        query: t.Object({ user: t.Optional(t.String({ minLength: 1, maxLength: 200, description: "only the books this user owns or may see" })) }),
        response: { 200: listOf(BookOut), ...errors },
        detail: { summary: "All address books, personal and shared, oldest first (ab list); needs address_books:r" },
      },
    )
    .post(
      "/api/admin/ab/books",
      ({ request, actor, body, set }) => {
        const { ctx } = op(request, actor);
        const book = createSharedBook(ctx, body);
        set.status = 201;
        return bookJson(showBook(ctx, book));
      },
      {
        apiToken: WRITE_AB,
        body: t.Object({ name: Name, owner: t.String({ minLength: 1, maxLength: 200, description: "owning user (full control)" }), note: t.Optional(Note), password: t.Optional(Password) }, { additionalProperties: false }),
        response: { 201: BookOut, ...errors },
        detail: { summary: "Create a shared address book (ab create); 409 if the name is taken; needs address_books:rw" },
      },
    )
    .get("/api/admin/ab/books/:book", ({ request, actor, params }) => {
      const { ctx, read } = op(request, actor);
      return bookJson(showBook(ctx, read(params.book)));
    }, {
      apiToken: READ_AB,
      params: BookParam,
      response: { 200: BookOut, ...errors },
      detail: { summary: "One address book; a personal book never used shows empty, with guid \"\"; needs address_books:r" },
    })
    .patch(
      "/api/admin/ab/books/:book",
      ({ request, actor, params, body }) => {
        if (Object.values(body).every((v) => v === undefined)) throw invalid("nothing to change: give name, owner, note or password");
        const { ctx, write } = op(request, actor);
        return bookJson(showBook(ctx, updateBook(ctx, write(params.book), body)));
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        body: t.Object({ name: t.Optional(Name), owner: t.Optional(t.String({ minLength: 1, maxLength: 200 })), note: t.Optional(Note), password: t.Optional(Password) }, { additionalProperties: false }),
        response: { 200: BookOut, ...errors },
        detail: { summary: "Rename a shared book or change its owner, note or default password (ab rename, ab set); a personal book takes note and password only; needs address_books:rw" },
      },
    )
    .delete(
      "/api/admin/ab/books/:book",
      ({ request, actor, params }) => {
        const { ctx, read } = op(request, actor);
        const book = read(params.book);
        deleteBook(ctx, book);
        return { deleted: book.name, guid: book.guid };
      },
      {
        apiToken: WRITE_AB,
        params: BookParam,
        response: { 200: t.Object({ deleted: t.String(), guid: t.String() }), ...errors },
        detail: { summary: "Delete a shared book with its peers, tags and rules (ab delete); a personal book goes with its user (400); needs address_books:rw" },
      },
    )
    .use(adminAddressBookPeerRoutes(deps))
    .use(adminAddressBookRuleRoutes(deps));
}
