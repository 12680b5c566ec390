// The server's recent log lines (kept in memory), filtered by the server, oldest at the top and newest at the
// bottom as in a terminal; Live appends new lines from the event stream as they are written.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { control, Select } from "../components/controls.tsx";
import { Time } from "../components/time.tsx";
import { Button, Empty, ErrorText, PageTitle } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { useListState } from "../lib/url-state.ts";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Line = { id: number; time: string; level: (typeof LEVELS)[number]; message: string };
const LIVE_CAP = 5000;
const LEVEL_LOOK: Record<Line["level"], string> = {
  debug: "text-zinc-500 dark:text-zinc-400",
  info: "text-blue-800 dark:text-blue-300",
  warn: "text-amber-800 dark:text-amber-300",
  error: "text-red-800 dark:text-red-300",
};

export function ServerLogPage() {
  const t = useT();
  const [list, setList] = useListState();
  const { level = "", since = "", limit = "200" } = list.filters;
  const q = list.q;
  const params = new URLSearchParams({ limit });
  if (level) params.set("level", level);
  if (since) params.set("since", since);
  if (q) params.set("q", q);
  const lines = useQuery({ queryKey: ["server-log", params.toString()], queryFn: () => get<{ total: number; data: Line[] }>(`/api/admin/log?${params}`) });
  const [live, setLive] = useState(false);
  const [arrived, setArrived] = useState<Line[]>([]);
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => setArrived([]), [params.toString()]);
  useEffect(() => {
    if (!live) return;
    // Same origin: the session cookie goes along. Log lines come as unnamed ("message") events, one JSON each.
    const source = new EventSource(`/api/admin/events?log=1&type=log${level ? `&level=${level}` : ""}`);
    source.onmessage = (e: MessageEvent<string>) => {
      const line = JSON.parse(e.data) as Line & { type: string };
      if (line.type === "log" && (!q || line.message.toLowerCase().includes(q.toLowerCase()))) setArrived((a) => [...a, line].slice(-LIVE_CAP));
    };
    return () => source.close();
  }, [live, level, q]);
  const shown = lines.data?.data ?? [];
  const last = shown.at(-1)?.id ?? 0;
  const rows = [...shown, ...arrived.filter((l) => l.id > last)];
  useEffect(() => {
    if (live) bottom.current?.scrollIntoView({ block: "nearest" });
  }, [live, rows.length]);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const value = (k: string) => String(f.get(k) ?? "").trim();
    setList({ q: value("q"), filters: { level: value("level"), since: value("since"), limit: value("limit") } });
  };
  return (
    <div>
      <PageTitle>{t("log.title")}</PageTitle>
      <form onSubmit={apply} className="mb-3 flex flex-wrap items-end gap-2">
        <Select label={t("log.level")} name="level" defaultValue={level}>
          <option value="">{t("log.allLevels")}</option>
          {LEVELS.map((l) => <option key={l} value={l}>{t(`log.level.${l}`)}</option>)}
        </Select>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("log.since")}
          <input name="since" defaultValue={since} placeholder="30m, 12h, 7d" className={`${control} w-32 font-normal`} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("log.contains")}
          <input name="q" type="search" defaultValue={q} className={`${control} font-normal`} />
        </label>
        <Select label={t("log.limit")} name="limit" defaultValue={limit}>
          {["100", "200", "500", "1000", "5000"].map((n) => <option key={n} value={n}>{n}</option>)}
        </Select>
        <Button type="submit">{t("log.apply")}</Button>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          {t("log.live")}
        </label>
      </form>
      <ErrorText error={lines.error} />
      {lines.data && <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{t("log.count", { shown: lines.data.data.length, total: lines.data.total })}</p>}
      <ol aria-label={t("log.lines")} className="overflow-x-auto rounded-lg border border-zinc-200 bg-white font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950">
        {rows.map((l) => (
          <li key={l.id} className="flex flex-wrap gap-x-3 border-b border-zinc-100 px-3 py-1 whitespace-pre-wrap sm:flex-nowrap dark:border-zinc-800">
            <span className="w-32 shrink-0 text-zinc-600 dark:text-zinc-400"><Time value={l.time} /></span>
            <span className={`w-12 shrink-0 font-semibold uppercase ${LEVEL_LOOK[l.level]}`}>{l.level}</span>
            <span className="w-full min-w-0 break-words sm:w-auto">{l.message}</span>
          </li>
        ))}
      </ol>
      <div ref={bottom} />
      {lines.isSuccess && rows.length === 0 && <Empty>{t("log.empty")}</Empty>}
    </div>
  );
}
