// The fleet: search, filters, server-side paging and sorting (fast at 100,000 devices), bulk actions with
// confirmation. Every view is a URL (?q=…&online=true&page=3).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { DataTable, type Column } from "../components/table/data-table.tsx";
import { Time } from "../components/time.tsx";
import { Button, ErrorText, PageTitle } from "../components/ui.tsx";
import { assignStrategy, deleteDevice, deviceVerb, eachDevice, getDeviceGroups, getDevices, getStrategies, getUserNames, setDevice, type Device } from "../lib/devices.ts";
import { useT } from "../lib/i18n.tsx";
import { useListState } from "../lib/url-state.ts";

/** Column ids that are also the API's sort names. */
const SORTS = ["id", "alias", "owner", "group", "last_online"];

export function DevicesPage() {
  const t = useT();
  const qc = useQueryClient();
  const [list, setList] = useListState(50);
  const query = new URLSearchParams({ page: String(list.page), page_size: String(list.size) });
  if (list.q) query.set("search", list.q);
  if (list.sort) query.set("sort", list.sort);
  if (list.desc) query.set("desc", "true");
  for (const k of ["online", "group", "user"]) if (list.filters[k]) query.set(k, list.filters[k]!);
  const devices = useQuery({ queryKey: ["devices", query.toString()], queryFn: () => getDevices(`?${query}`), placeholderData: (prev) => prev });
  const groups = useQuery({ queryKey: ["device-groups"], queryFn: getDeviceGroups });
  const strategies = useQuery({ queryKey: ["strategies"], queryFn: getStrategies });
  const owners = useQuery({ queryKey: ["users", "names"], queryFn: getUserNames });
  const [bulkError, setBulkError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["devices"] });

  const columns: Column<Device>[] = [
    { id: "id", header: t("devices.id"), cell: ({ row }) => <Link href={`/devices/${row.original.id}`} className="font-mono text-blue-700 underline dark:text-blue-300">{row.original.id}</Link> },
    { id: "name", header: t("devices.name"), cell: ({ row }) => row.original.info.device_name || t("common.none") },
    { id: "alias", header: t("devices.alias"), accessorFn: (d) => d.alias || t("common.none") },
    { id: "owner", header: t("devices.owner"), accessorFn: (d) => d.user_name || t("common.none") },
    { id: "group", header: t("devices.group"), accessorFn: (d) => d.device_group_name || t("common.none") },
    { id: "os", header: t("devices.os"), accessorFn: (d) => d.info.os || t("common.none") },
    { id: "version", header: t("devices.version"), accessorFn: (d) => d.info.version || t("common.none") },
    {
      id: "last_online",
      header: t("devices.lastSeen"),
      cell: ({ row }) => (row.original.is_online ? <span className="text-green-700 dark:text-green-400">{t("devices.online")}</span> : <Time value={row.original.last_online} />),
    },
    { id: "strategy", header: t("devices.strategy"), accessorFn: (d) => (d.strategy_name ? `${d.strategy_name} (${t(`strategyState.${d.strategy_state}` as "strategyState.applied")})` : t("common.none")) },
    { id: "status", header: t("devices.status"), accessorFn: (d) => (d.pending_approval ? t("devices.pending") : d.status === 1 ? t("devices.enabled") : t("devices.disabled")) },
  ];

  const bulk = (selected: Device[], clear: () => void) => {
    const ids = selected.map((d) => d.id);
    /** One call for the whole selection. */
    const runAll = async (act: () => Promise<unknown>) => {
      setBulkError(null);
      try {
        await act();
        clear();
      } catch (e) {
        setBulkError(e);
      } finally {
        await refresh();
      }
    };
    /** One call per device. */
    const run = (act: (id: string) => Promise<unknown>) => runAll(() => eachDevice(ids, act));
    const names = ids.join(", ");
    return (
      <>
        <span className="text-sm">{t("devices.selected", { n: ids.length })}</span>
        <Button variant="secondary" onClick={() => run((id) => deviceVerb(id, "enable"))}>{t("devices.enable")}</Button>
        <ConfirmButton label={t("devices.disable")} title={t("devices.disableTitle", { n: ids.length })} confirm={t("devices.disable")} onConfirm={() => run((id) => deviceVerb(id, "disable"))}>
          {names}
        </ConfirmButton>
        <label className="flex items-center gap-1 text-sm">
          {t("devices.moveTo")}
          <select aria-label={t("devices.moveTo")} className="rounded border border-zinc-300 bg-white p-1 dark:border-zinc-600 dark:bg-zinc-900" value="" onChange={(e) => run((id) => setDevice(id, { group: e.target.value === "-" ? "" : e.target.value }))}>
            <option value="" disabled>…</option>
            <option value="-">{t("devices.noGroup")}</option>
            {groups.data?.data.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          {t("devices.setOwner")}
          <select aria-label={t("devices.setOwner")} className="rounded border border-zinc-300 bg-white p-1 dark:border-zinc-600 dark:bg-zinc-900" value="" onChange={(e) => run((id) => setDevice(id, { owner: e.target.value === "-" ? "" : e.target.value }))}>
            <option value="" disabled>…</option>
            <option value="-">{t("devices.noOwner")}</option>
            {owners.data?.data.map((u) => <option key={u.name} value={u.name}>{u.name}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          {t("devices.assignStrategy")}
          <select aria-label={t("devices.assignStrategy")} className="rounded border border-zinc-300 bg-white p-1 dark:border-zinc-600 dark:bg-zinc-900" value="" onChange={(e) => runAll(() => assignStrategy(e.target.value, ids))}>
            <option value="" disabled>…</option>
            {strategies.data?.data.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
          </select>
        </label>
        <ConfirmButton label={t("devices.delete")} title={t("devices.deleteTitle", { n: ids.length })} confirm={t("devices.delete")} onConfirm={() => run((id) => deleteDevice(id))}>
          {names}
        </ConfirmButton>
      </>
    );
  };

  return (
    <div>
      <PageTitle>{t("devices.title")}</PageTitle>
      <form
        className="mb-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setList({ q: String(new FormData(e.currentTarget).get("q") ?? "") });
        }}
      >
        <label className="flex flex-col text-sm">
          {t("table.search")}
          <input name="q" type="search" defaultValue={list.q} placeholder={t("devices.searchHint")} className="h-9 w-64 max-w-full rounded-md border border-zinc-300 bg-white px-3 dark:border-zinc-600 dark:bg-zinc-900" />
        </label>
        <label className="flex flex-col text-sm">
          {t("devices.show")}
          <select value={list.filters.online ?? ""} onChange={(e) => setList({ filters: { ...list.filters, online: e.target.value } })} className="h-9 rounded-md border border-zinc-300 bg-white px-3 dark:border-zinc-600 dark:bg-zinc-900">
            <option value="">{t("devices.all")}</option>
            <option value="true">{t("devices.onlineOnly")}</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("devices.group")}
          <select value={list.filters.group ?? ""} onChange={(e) => setList({ filters: { ...list.filters, group: e.target.value } })} className="h-9 rounded-md border border-zinc-300 bg-white px-3 dark:border-zinc-600 dark:bg-zinc-900">
            <option value="">{t("devices.all")}</option>
            {groups.data?.data.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
          </select>
        </label>
        <Button type="submit">{t("table.search")}</Button>
      </form>
      <ErrorText error={devices.error ?? bulkError} />
      {devices.data && (
        <DataTable
          label={t("devices.title")}
          columns={columns}
          rows={devices.data.data}
          total={devices.data.total}
          rowId={(d) => d.id}
          list={list}
          onList={setList}
          sortable={SORTS}
          empty={list.q || Object.keys(list.filters).length ? t("devices.noMatch") : t("devices.empty")}
          bulk={bulk}
        />
      )}
    </div>
  );
}
