import { defineCommand } from "citty";
import { readBook } from "../../src/addressbook/read-book.ts";
import { peerPayload, peersOf } from "../../src/addressbook/peers.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "peers", description: "List the peers of a book" },
  args: { ...bookArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { book, peers } = await withData(args, (ctx) => {
      const book = readBook(ctx, args.book);
      return { book, peers: peersOf(ctx, book) };
    });
    if (args.json) return printJson(peers.map((p) => peerPayload(p, book.personal)));
    printTable(["ID", "ALIAS", "TAGS", "HOSTNAME", "NOTE"], peers.map((p) => [p.peerId, p.alias, p.tags.join(","), p.hostname, p.note.replace(/\s+/g, " ").slice(0, 40)]));
  }),
});
