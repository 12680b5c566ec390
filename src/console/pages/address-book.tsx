// One address book on its own page: its settings (shared books: name, owner; both: note), who may use it
// (rules, shared books only), its tags and its peers.
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { BookPeers } from "../components/books/book-peers.tsx";
import { BookRules } from "../components/books/book-rules.tsx";
import { BookSettings } from "../components/books/book-settings.tsx";
import { BookTags } from "../components/books/book-tags.tsx";
import { ErrorText, PageTitle } from "../components/ui.tsx";
import { getBook } from "../lib/address-books.ts";
import { useT } from "../lib/i18n.tsx";
import type { PageProps } from "./types.ts";

export function AddressBookPage({ params }: PageProps) {
  const t = useT();
  const ref = params.book ?? "";
  const book = useQuery({ queryKey: ["ab-book", ref], queryFn: () => getBook(ref) });
  const b = book.data;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/address-books" className="text-sm text-blue-700 underline dark:text-blue-300">{t("books.back")}</Link>
      <PageTitle>{b ? (b.personal ? t("books.personalOf", { user: b.owner }) : b.name) : ref}</PageTitle>
      <ErrorText error={book.error} />
      {b && (
        <>
          <BookSettings book={b} />
          {!b.personal && <BookRules book={b.name} />}
          <BookTags book={b.name} />
          <BookPeers book={b.name} />
        </>
      )}
    </div>
  );
}
