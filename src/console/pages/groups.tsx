// User groups and device groups, one tab each with its own URL (/groups/users, /groups/devices); a group's editor
// is its own URL too (/groups/users/Sales).
import { Link } from "wouter";
import { PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { DeviceGroupsTab } from "./groups-devices.tsx";
import { UserGroupsTab } from "./groups-users.tsx";
import { NotFound } from "./not-found.tsx";
import type { PageProps } from "./types.ts";

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export function GroupsPage({ params }: PageProps) {
  const t = useT();
  const tab = params.tab ?? "users";
  if (tab !== "users" && tab !== "devices") return <NotFound />;
  const tabs = [
    { id: "users", label: t("groups.userGroups") },
    { id: "devices", label: t("groups.deviceGroups") },
  ];
  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <PageTitle>{t("groups.title")}</PageTitle>
      <nav aria-label={t("groups.title")}>
        <ul className="flex gap-1 border-b border-zinc-200 dark:border-zinc-700">
          {tabs.map((x) => (
            <li key={x.id}>
              <Link
                href={`/groups/${x.id}`}
                aria-current={tab === x.id ? "page" : undefined}
                className={`-mb-px block border-b-2 px-3 py-2 text-sm ${tab === x.id ? "border-blue-700 font-medium text-blue-800 dark:border-blue-300 dark:text-blue-200" : "border-transparent hover:border-zinc-300"} ${focus}`}
              >
                {x.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === "users" ? <UserGroupsTab name={params.name} /> : <DeviceGroupsTab name={params.name} />}
    </div>
  );
}
