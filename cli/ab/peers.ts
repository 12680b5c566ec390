import { defineCommand } from "citty";
import { findBook } from "../../src/addressbook/books.ts";
import { peerPayload, peersOf } from "../../src/addressbook/peers.ts";
import { io, printJson, table } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";

export default defineCommand({
  meta: { name: "peers", description: "List the peers of a book" },
  args: { ...bookArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { book, peers } = await withData(args, (ctx) => {
      const book = findBook(ctx, args.book);
      return { book, peers: peersOf(ctx, book) };
    });
    if (args.json) return printJson(peers.map((p) => peerPayload(p, book.personal)));
    io.out(table(["ID", "ALIAS", "TAGS", "HOSTNAME", "NOTE"], peers.map((p) => [p.peerId, p.alias, p.tags.join(","), p.hostname, p.note.replace(/\s+/g, " ").slice(0, 40)])));
  }),
});
