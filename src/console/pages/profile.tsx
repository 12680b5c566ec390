import { Card, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import type { PageProps } from "./types.ts";

export function ProfilePage({ profile }: PageProps) {
  const t = useT();
  const rows: [string, string][] = [
    [t("profile.name"), profile.name],
    [t("profile.email"), profile.email || t("common.none")],
    [t("profile.admin"), profile.is_admin ? t("common.yes") : t("common.no")],
  ];
  return (
    <div className="max-w-xl">
      <PageTitle>{t("profile.title")}</PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-sm text-zinc-600 dark:text-zinc-400">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
