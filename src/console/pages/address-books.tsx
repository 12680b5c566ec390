// Shared address books: the list (personal books on request, ?personal=1) and a form to create one; each book
// opens on its own page (/address-books/<name>).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { NameOptions } from "../components/books/name-options.tsx";
import { TextArea } from "../components/controls.tsx";
import { Time } from "../components/time.tsx";
import { Button, Card, Empty, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { createBook, getBooks } from "../lib/address-books.ts";
import { useT } from "../lib/i18n.tsx";
import { useListState } from "../lib/url-state.ts";
import type { PageProps } from "./types.ts";

export function AddressBooksPage({ profile }: PageProps) {
  const t = useT();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [list, setList] = useListState();
  const personal = list.filters.personal === "1";
  const books = useQuery({ queryKey: ["ab-books"], queryFn: getBooks });
  const [error, setError] = useState<unknown>(null);
  const rows = (books.data?.data ?? []).filter((b) => personal || !b.personal);
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(null);
    try {
      const book = await createBook({ name: String(f.get("name")).trim(), owner: String(f.get("owner")).trim(), note: String(f.get("note") ?? "") });
      await qc.invalidateQueries({ queryKey: ["ab-books"] });
      navigate(`/address-books/${encodeURIComponent(book.name)}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("books.title")}</PageTitle>
      <Card title={t("books.create")}>
        <form onSubmit={create} className="grid gap-3 md:grid-cols-3">
          <Field id="book-name" name="name" label={t("books.name")} required maxLength={100} />
          <Field id="book-owner" name="owner" label={t("books.owner")} hint={t("books.ownerHint")} defaultValue={profile.name} required list="book-owners" autoComplete="off" />
          <NameOptions id="book-owners" of="users" />
          <TextArea name="note" label={t("books.note")} maxLength={2000} />
          <div className="md:col-span-3">
            <ErrorText error={error} />
            <Button type="submit" className="mt-2">{t("books.createSubmit")}</Button>
          </div>
        </form>
      </Card>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={personal} onChange={(e) => setList({ filters: { ...list.filters, personal: e.target.checked ? "1" : "" } })} />
        {t("books.showPersonal")}
      </label>
      <ErrorText error={books.error} />
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-700">
        <table className="w-full text-left text-sm" aria-label={t("books.title")}>
          <thead className="bg-zinc-100 dark:bg-zinc-800">
            <tr>
              {["books.name", "books.owner", "books.peers", "books.note", "books.updated"].map((k) => (
                <th key={k} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{t(k as "books.name")}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.guid || b.name} className="border-t border-zinc-200 dark:border-zinc-700">
                <td className="px-3 py-2">
                  <Link href={`/address-books/${encodeURIComponent(b.name)}`} className="text-blue-700 underline dark:text-blue-300">{b.personal ? t("books.personalOf", { user: b.owner }) : b.name}</Link>
                </td>
                <td className="px-3 py-2">{b.owner}</td>
                <td className="px-3 py-2">{b.peers}</td>
                <td className="px-3 py-2 break-words text-zinc-600 dark:text-zinc-400">{b.note || t("common.none")}</td>
                <td className="px-3 py-2 whitespace-nowrap"><Time value={b.updated_at} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {books.isSuccess && rows.length === 0 && <Empty>{t("books.empty")}</Empty>}
      </div>
    </div>
  );
}
