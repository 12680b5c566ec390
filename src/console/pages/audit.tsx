// The four audit logs, newest first, with filters in the URL; "Load older" pages back by cursor; Live follows the
// server's event stream; Export writes the filtered view as CSV.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Time } from "../components/time.tsx";
import { Button, Empty, ErrorText, PageTitle } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { download, toCsv } from "../lib/csv.ts";
import { useT } from "../lib/i18n.tsx";
import { useListState } from "../lib/url-state.ts";

const LOGS = ["conn", "file", "alarm", "console"] as const;
type Log = (typeof LOGS)[number];
export type AuditEntry = { type: Log; id: number; guid: string; at: string; device?: string; peer?: string; action: string; details: Record<string, unknown>; cursor: number };
type Page = { data: AuditEntry[]; next_cursor: number | null };
const input = "h-9 rounded-md border border-zinc-300 bg-white px-3 dark:border-zinc-600 dark:bg-zinc-900";

const summary = (d: Record<string, unknown>) =>
  Object.entries(d)
    .filter(([, v]) => v !== null && v !== "" && (typeof v !== "object" || Array.isArray(v)))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
    .join(" ");

export function AuditPage() {
  const t = useT();
  const [list, setList] = useListState(100);
  const log: Log = (LOGS as readonly string[]).includes(list.filters.log ?? "") ? (list.filters.log as Log) : "conn";
  const filters = new URLSearchParams({ order: "newest", limit: "100" });
  for (const k of ["device", "user", "since"]) if (list.filters[k]) filters.set(k, list.filters[k]!);
  const base = `/api/admin/audit/${log}?${filters}`;
  const pages = useInfiniteQuery({
    queryKey: ["audit", base],
    queryFn: ({ pageParam }) => get<Page>(pageParam === null ? base : `${base}&cursor=${pageParam}`),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const [live, setLive] = useState(false);
  const [arrived, setArrived] = useState<AuditEntry[]>([]);
  useEffect(() => setArrived([]), [base]);
  useEffect(() => {
    if (!live) return;
    const q = new URLSearchParams({ type: log });
    for (const k of ["device", "user"] as const) if (list.filters[k]) q.set(k, list.filters[k]!);
    const source = new EventSource(`/api/admin/events?${q}`);
    // Audit rows come as unnamed events (data: one JSON object with its log in `type`); `event: reset` is about
    // server log lines, which this page does not ask for.
    source.onmessage = (e: MessageEvent<string>) => {
      const entry = JSON.parse(e.data) as AuditEntry;
      if (entry.type === log) setArrived((a) => [entry, ...a].slice(0, 500));
    };
    return () => source.close();
  }, [live, log, list.filters.device, list.filters.user]);
  const seen = new Set(arrived.map((e) => e.guid));
  const rows = [...arrived, ...(pages.data?.pages.flatMap((p) => p.data) ?? []).filter((e) => !seen.has(e.guid))];
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setList({ filters: { log, device: String(f.get("device") ?? ""), user: String(f.get("user") ?? ""), since: String(f.get("since") ?? "") } });
  };
  const exportCsv = () =>
    download(
      `rdconsole-audit-${log}.csv`,
      toCsv(["at", "type", "device", "peer", "action", "details"], rows.map((e) => [e.at, e.type, e.device, e.peer, e.action, JSON.stringify(e.details)])),
    );
  return (
    <div>
      <PageTitle>{t("audit.title")}</PageTitle>
      <div role="tablist" aria-label={t("audit.logs")} className="mb-3 flex flex-wrap gap-1">
        {LOGS.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={l === log}
            onClick={() => setList({ filters: { ...list.filters, log: l } })}
            className={`rounded-md px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 ${l === log ? "bg-blue-700 text-white" : "bg-zinc-100 dark:bg-zinc-800"}`}
          >
            {t(`audit.log.${l}`)}
          </button>
        ))}
      </div>
      <form onSubmit={apply} className="mb-3 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          {t("audit.device")}
          <input name="device" defaultValue={list.filters.device ?? ""} className={input} />
        </label>
        <label className="flex flex-col text-sm">
          {t("audit.user")}
          <input name="user" defaultValue={list.filters.user ?? ""} className={input} />
        </label>
        <label className="flex flex-col text-sm">
          {t("audit.since")}
          <input name="since" defaultValue={list.filters.since ?? ""} placeholder="24h, 7d" className={input} />
        </label>
        <Button type="submit">{t("audit.apply")}</Button>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          {t("audit.live")}
        </label>
        <Button variant="secondary" onClick={exportCsv} disabled={rows.length === 0}>
          {t("audit.export")}
        </Button>
      </form>
      <ErrorText error={pages.error} />
      {/* Focusable, so the keyboard can scroll a table wider than a phone. */}
      <div tabIndex={0} role="region" aria-label={t(`audit.log.${log}`)} className="overflow-x-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700">
        <table className="w-full text-left text-sm" aria-label={t(`audit.log.${log}`)}>
          <thead className="bg-zinc-100 dark:bg-zinc-800">
            <tr>
              <th scope="col" className="px-3 py-2">{t("audit.when")}</th>
              <th scope="col" className="px-3 py-2">{t("audit.device")}</th>
              <th scope="col" className="px-3 py-2">{t("audit.action")}</th>
              <th scope="col" className="px-3 py-2">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.guid} className="border-t border-zinc-200 align-top dark:border-zinc-700">
                <td className="px-3 py-2 whitespace-nowrap"><Time value={e.at} /></td>
                <td className="px-3 py-2 font-mono">{e.device ?? t("common.none")}{e.peer ? ` ← ${e.peer}` : ""}</td>
                <td className="px-3 py-2">{e.action}</td>
                <td className="min-w-64 px-3 py-2 wrap-anywhere text-zinc-600 dark:text-zinc-400">{summary(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pages.isSuccess && rows.length === 0 && <Empty>{t("audit.empty")}</Empty>}
      </div>
      {pages.hasNextPage && (
        <div className="mt-3">
          <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            {t("audit.older")}
          </Button>
        </div>
      )}
    </div>
  );
}
