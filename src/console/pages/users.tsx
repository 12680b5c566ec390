// Everyone who may sign in: search, server-side paging, a group filter; create a user or invite one by e-mail.
// Every view is a URL (?q=…&group=…&page=2).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { DataTable, type Column } from "../components/table/data-table.tsx";
import { Button, ErrorText, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { useListState } from "../lib/url-state.ts";
import { getGroups, getUsers, type User } from "../lib/users.ts";
import { NewUser } from "./user-new.tsx";
import { selectClass, statusText } from "./users-shared.ts";

export function UsersPage() {
  const t = useT();
  const qc = useQueryClient();
  const [list, setList] = useListState(50);
  const query = new URLSearchParams({ page: String(list.page), page_size: String(list.size) });
  if (list.q) query.set("search", list.q);
  if (list.filters.group) query.set("group", list.filters.group);
  const users = useQuery({ queryKey: ["users", query.toString()], queryFn: () => getUsers(`?${query}`), placeholderData: (prev) => prev });
  const groups = useQuery({ queryKey: ["groups"], queryFn: getGroups });
  const yes = (b: boolean) => (b ? t("common.yes") : t("common.no"));
  const columns: Column<User>[] = [
    { id: "name", header: t("users.name"), cell: ({ row }) => <Link href={`/users/${encodeURIComponent(row.original.name)}`} className="text-blue-700 underline dark:text-blue-300">{row.original.name}</Link> },
    { id: "display_name", header: t("users.displayName"), accessorFn: (u) => u.display_name || t("common.none") },
    { id: "email", header: t("users.email"), accessorFn: (u) => u.email || t("common.none") },
    { id: "admin", header: t("users.admin"), accessorFn: (u) => yes(u.is_admin) },
    { id: "status", header: t("users.status"), cell: ({ row }) => <span className={row.original.status === 1 ? "" : "font-medium text-amber-800 dark:text-amber-300"}>{statusText(t, row.original)}</span> },
    { id: "tfa", header: t("users.tfa"), accessorFn: (u) => t(`users.tfa.${u.tfa}`) },
    { id: "locked", header: t("users.locked"), cell: ({ row }) => (row.original.locked ? <span className="font-medium text-red-700 dark:text-red-400">{t("common.yes")}</span> : t("common.no")) },
    { id: "group", header: t("users.group"), accessorFn: (u) => u.group_name ?? t("common.none") },
  ];
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("users.title")}</PageTitle>
      <NewUser groups={groups.data?.data.map((g) => g.name) ?? []} onDone={() => qc.invalidateQueries({ queryKey: ["users"] })} />
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setList({ q: String(new FormData(e.currentTarget).get("q") ?? "") });
        }}
      >
        <label className="flex flex-col text-sm">
          {t("table.search")}
          <input name="q" type="search" defaultValue={list.q} placeholder={t("users.searchHint")} className={selectClass} />
        </label>
        <label className="flex flex-col text-sm">
          {t("users.group")}
          <select value={list.filters.group ?? ""} onChange={(e) => setList({ filters: { ...list.filters, group: e.target.value } })} className={selectClass}>
            <option value="">{t("users.allGroups")}</option>
            {groups.data?.data.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
          </select>
        </label>
        <Button type="submit">{t("table.search")}</Button>
      </form>
      <ErrorText error={users.error} />
      {users.data && (
        <DataTable
          label={t("users.title")}
          columns={columns}
          rows={users.data.data}
          total={users.data.total}
          rowId={(u) => u.guid}
          list={list}
          onList={setList}
          empty={list.q || list.filters.group ? t("users.noMatch") : t("users.empty")}
        />
      )}
    </div>
  );
}
