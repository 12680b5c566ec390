// A book's own settings: a shared book's name and owner, any book's note; deleting a shared book (with its
// peers, tags and rules) asks first and says how many peers go with it.
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { changeBook, deleteBook, type Book } from "../../lib/address-books.ts";
import { useT } from "../../lib/i18n.tsx";
import { ConfirmButton } from "../confirm.tsx";
import { TextArea } from "../controls.tsx";
import { Time } from "../time.tsx";
import { Button, Card, ErrorText, Field } from "../ui.tsx";
import { NameOptions } from "./name-options.tsx";

export function BookSettings({ book }: { book: Book }) {
  const t = useT();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next = { name: String(f.get("name") ?? book.name).trim(), owner: String(f.get("owner") ?? book.owner).trim(), note: String(f.get("note") ?? "") };
    const change = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== book[k as keyof typeof next]));
    setError(null);
    setSaved(false);
    if (Object.keys(change).length === 0) return setSaved(true);
    try {
      const after = await changeBook(book.name, change);
      await qc.invalidateQueries({ queryKey: ["ab-books"] });
      setSaved(true);
      if (after.name !== book.name) navigate(`/address-books/${encodeURIComponent(after.name)}`, { replace: true });
      else await qc.invalidateQueries({ queryKey: ["ab-book"] });
    } catch (err) {
      setError(err);
    }
  };
  const remove = async () => {
    await deleteBook(book.name);
    await qc.invalidateQueries({ queryKey: ["ab-books"] });
    navigate("/address-books");
  };
  return (
    <Card title={t("books.settings")}>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        {t("books.summary", { peers: book.peers })} · {t("books.created")} <Time value={book.created_at} />
      </p>
      <form key={book.updated_at} onSubmit={save} className="grid gap-3 md:grid-cols-3">
        {!book.personal && <Field id="settings-name" name="name" label={t("books.name")} defaultValue={book.name} required maxLength={100} />}
        {!book.personal && <Field id="settings-owner" name="owner" label={t("books.owner")} defaultValue={book.owner} required list="owner-names" autoComplete="off" />}
        {!book.personal && <NameOptions id="owner-names" of="users" />}
        <TextArea name="note" label={t("books.note")} defaultValue={book.note} maxLength={2000} />
        <div className="flex flex-wrap items-center gap-2 md:col-span-3">
          <Button type="submit">{t("books.save")}</Button>
          {saved && <span role="status" className="text-sm text-green-700 dark:text-green-400">{t("books.saved")}</span>}
          {!book.personal && (
            <ConfirmButton label={t("books.delete")} title={t("books.deleteTitle", { name: book.name })} confirm={t("books.delete")} onConfirm={remove}>
              {t("books.deleteText", { peers: book.peers })}
            </ConfirmButton>
          )}
        </div>
        <div className="md:col-span-3"><ErrorText error={error} /></div>
      </form>
    </Card>
  );
}
