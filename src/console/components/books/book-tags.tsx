// A book's tags in their display order, each with its colour: add, rename or recolour (every peer's tag list
// follows a rename), delete (taken off every peer too, after a confirmation).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { addTag, changeTag, colorToHex, deleteTags, getTags, hexToColor, type Tag } from "../../lib/address-books.ts";
import { useT } from "../../lib/i18n.tsx";
import { ConfirmButton } from "../confirm.tsx";
import { control } from "../controls.tsx";
import { Button, Card, Empty, ErrorText } from "../ui.tsx";

const DEFAULT_COLOR = "#2563eb";

export function BookTags({ book }: { book: string }) {
  const t = useT();
  const qc = useQueryClient();
  const tags = useQuery({ queryKey: ["ab-tags", book], queryFn: () => getTags(book) });
  const [error, setError] = useState<unknown>(null);
  const refresh = () => Promise.all(["ab-tags", "ab-peers"].map((k) => qc.invalidateQueries({ queryKey: [k, book] })));
  const run = async (act: () => Promise<unknown>) => {
    setError(null);
    try {
      await act();
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    return run(async () => {
      await addTag(book, { name: String(f.get("name")).trim(), color: hexToColor(String(f.get("color"))) });
      form.reset();
    });
  };
  const save = (tag: Tag) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const name = String(f.get("name")).trim();
    const color = hexToColor(String(f.get("color")));
    const change = { ...(name !== tag.name ? { name } : {}), ...(color !== tag.color ? { color } : {}) };
    if (Object.keys(change).length) return run(() => changeTag(book, tag.name, change));
  };
  return (
    <Card title={t("books.tags")}>
      <ErrorText error={tags.error ?? error} />
      <ul className="mb-3 flex flex-col divide-y divide-zinc-200 dark:divide-zinc-700" aria-label={t("books.tags")}>
        {tags.data?.data.map((tag) => (
          <li key={`${tag.name}-${tag.color}`} className="py-2">
            <form onSubmit={save(tag)} className="flex flex-wrap items-center gap-2">
              <input type="color" name="color" defaultValue={colorToHex(tag.color)} aria-label={t("books.tagColorOf", { name: tag.name })} className="h-9 w-12 rounded border border-zinc-300 dark:border-zinc-600" />
              <input name="name" defaultValue={tag.name} required maxLength={100} aria-label={t("books.tagNameOf", { name: tag.name })} className={`${control} min-w-0 flex-1`} />
              <Button type="submit" variant="secondary">{t("books.save")}</Button>
              <ConfirmButton label={t("books.deleteTag")} title={t("books.deleteTagTitle", { name: tag.name })} confirm={t("books.deleteTag")} onConfirm={async () => { await deleteTags(book, [tag.name]); await refresh(); }}>
                {t("books.deleteTagText", { name: tag.name })}
              </ConfirmButton>
            </form>
          </li>
        ))}
      </ul>
      {tags.isSuccess && tags.data.data.length === 0 && <Empty>{t("books.noTags")}</Empty>}
      <form onSubmit={add} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("books.tagName")}
          <input name="name" required maxLength={100} className={`${control} font-normal`} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("books.tagColor")}
          <input type="color" name="color" defaultValue={DEFAULT_COLOR} className="h-10 w-14 rounded border border-zinc-300 dark:border-zinc-600" />
        </label>
        <Button type="submit">{t("books.addTag")}</Button>
      </form>
    </Card>
  );
}
