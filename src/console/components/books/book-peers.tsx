// A book's peers, paged and searched by the server (the URL keeps page and search); add one, edit one's alias,
// tags and note, and delete the selected after a confirmation that names them.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addPeer, changePeer, deletePeers, getPeers, type Peer } from "../../lib/address-books.ts";
import { useT } from "../../lib/i18n.tsx";
import { useListState } from "../../lib/url-state.ts";
import { ConfirmButton } from "../confirm.tsx";
import { DataTable, type Column } from "../table/data-table.tsx";
import { Button, Card, ErrorText } from "../ui.tsx";
import { PeerForm } from "./peer-form.tsx";

export function BookPeers({ book }: { book: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [list, setList] = useListState(50);
  const query = new URLSearchParams({ page: String(list.page), page_size: String(list.size) });
  if (list.q) query.set("search", list.q);
  const peers = useQuery({ queryKey: ["ab-peers", book, query.toString()], queryFn: () => getPeers(book, `?${query}`), placeholderData: (prev) => prev });
  const [editing, setEditing] = useState<Peer | null>(null);
  const refresh = () => Promise.all(["ab-peers", "ab-tags", "ab-book"].map((k) => qc.invalidateQueries({ queryKey: [k, book] })));
  const columns: Column<Peer>[] = [
    { id: "id", header: t("books.peerId"), cell: ({ row }) => <span className="font-mono">{row.original.id}</span> },
    { id: "alias", header: t("books.alias"), accessorFn: (p) => p.alias || t("common.none") },
    { id: "tags", header: t("books.peerTags"), accessorFn: (p) => (p.tags?.length ? p.tags.join(", ") : t("common.none")) },
    { id: "host", header: t("books.hostname"), accessorFn: (p) => p.hostname || t("common.none") },
    { id: "note", header: t("books.note"), accessorFn: (p) => p.note || t("common.none") },
    {
      id: "edit",
      // relative: an sr-only header of a scrolled table must not widen the page at phone width
      header: () => <span className="relative"><span className="sr-only">{t("books.edit")}</span></span>,
      cell: ({ row }) => (
        <Button variant="secondary" onClick={() => setEditing(row.original)} aria-label={t("books.editPeerOf", { id: row.original.id })}>
          {t("books.edit")}
        </Button>
      ),
    },
  ];
  const bulk = (selected: Peer[], clear: () => void) => {
    const ids = selected.map((p) => p.id);
    return (
      <>
        <span className="text-sm">{t("books.selected", { n: ids.length })}</span>
        <ConfirmButton label={t("books.removePeers")} title={t("books.removePeersTitle", { n: ids.length, book })} confirm={t("books.removePeers")} onConfirm={async () => { await deletePeers(book, ids); clear(); await refresh(); }}>
          {ids.join(", ")}
        </ConfirmButton>
      </>
    );
  };
  return (
    <Card title={t("books.peers")}>
      <div className="mb-4 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
        {editing ? (
          <PeerForm key={editing.id} peer={editing} onCancel={() => setEditing(null)} onSave={async (p) => { await changePeer(book, editing.id, { alias: p.alias, note: p.note, tags: p.tags }); setEditing(null); await refresh(); }} />
        ) : (
          <PeerForm onSave={async (p) => { await addPeer(book, p); await refresh(); }} />
        )}
      </div>
      <form className="mb-3 flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); setList({ q: String(new FormData(e.currentTarget).get("q") ?? "") }); }}>
        <label className="flex flex-col text-sm">
          {t("table.search")}
          <input name="q" type="search" defaultValue={list.q} className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900" />
        </label>
        <Button type="submit" variant="secondary">{t("table.search")}</Button>
      </form>
      <ErrorText error={peers.error} />
      {peers.data && (
        <DataTable label={t("books.peers")} columns={columns} rows={peers.data.data} total={peers.data.total} rowId={(p) => p.id} list={list} onList={setList} empty={list.q ? t("books.noPeerMatch") : t("books.noPeers")} bulk={bulk} />
      )}
    </Card>
  );
}
