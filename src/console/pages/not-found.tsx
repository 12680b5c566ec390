import { Link } from "wouter";
import { PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";

export function NotFound() {
  const t = useT();
  return (
    <div>
      <PageTitle>{t("notFound.title")}</PageTitle>
      <Link href="/" className="text-blue-700 underline dark:text-blue-300">
        {t("notFound.back")}
      </Link>
    </div>
  );
}

/** What a non-admin sees on an admin page's URL. */
export function Forbidden() {
  const t = useT();
  return (
    <div>
      <PageTitle>{t("forbidden.title")}</PageTitle>
      <p>{t("forbidden.text")}</p>
    </div>
  );
}
