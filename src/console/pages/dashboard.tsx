// The overview: fleet and account numbers, devices online over the last 24 h, and recent events.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo } from "react";
import { Time } from "../components/time.tsx";
import { Card, Empty, ErrorText, PageTitle } from "../components/ui.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

const OnlineChart = lazy(() => import("../components/online-chart.tsx").then((m) => ({ default: m.OnlineChart })));

type Stats = {
  users: { total: number; admins: number; with_2fa: number };
  devices: { total: number; online: number; offline_30d: number; pending_approval: number };
  sessions: { live: number; signed_in_clients: number };
  last_24h: { logins: number; failed_logins: number; alarms: number };
  heartbeats_per_second: number;
};
type Series = { range: string; step_seconds: number; points: { at: string; online: number; peak: number; total: number }[] };
type Kind = "device" | "login" | "login_failed" | "lockout" | "alarm" | "admin";
type Event = { id: string; at: string; kind: Kind; action: string; actor: string; target: string | null };
const KIND: Record<Kind, [MessageKey, string]> = {
  device: ["dashboard.kind.device", "bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200"],
  login: ["dashboard.kind.login", "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200"],
  login_failed: ["dashboard.kind.login_failed", "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"],
  lockout: ["dashboard.kind.lockout", "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"],
  alarm: ["dashboard.kind.alarm", "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"],
  admin: ["dashboard.kind.admin", "bg-zinc-100 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200"],
};

function Stat({ label, value, sub }: { label: string; value: number; sub?: string }) {
  return (
    <Card>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{label}</p>
      <p className="text-3xl font-semibold tabular-nums">{value.toLocaleString()}</p>
      {sub && <p className="text-sm text-zinc-600 dark:text-zinc-400">{sub}</p>}
    </Card>
  );
}

export function Dashboard() {
  const t = useT();
  const stats = useQuery({ queryKey: ["dashboard", "stats"], queryFn: () => get<Stats>("/api/admin/dashboard/stats"), refetchInterval: 30_000 });
  const online = useQuery({ queryKey: ["dashboard", "online", "24h"], queryFn: () => get<Series>("/api/admin/dashboard/online?range=24h"), refetchInterval: 300_000 });
  const events = useQuery({ queryKey: ["dashboard", "timeline"], queryFn: () => get<{ data: Event[] }>("/api/admin/dashboard/timeline?limit=20"), refetchInterval: 30_000 });
  const s = stats.data;
  // The API gives ISO times; the chart takes epoch ms. One array per answer, so the chart is drawn once per fetch.
  const points = useMemo(() => online.data?.points.map((p) => ({ at: Date.parse(p.at), online: p.online })) ?? [], [online.data]);
  return (
    <div>
      <PageTitle>{t("dashboard.title")}</PageTitle>
      <ErrorText error={stats.error} />
      {s && (
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <Stat label={t("dashboard.users")} value={s.users.total} sub={t("dashboard.admins", { n: s.users.admins })} />
          <Stat label={t("dashboard.devices")} value={s.devices.total} sub={`${t("dashboard.online", { n: s.devices.online })}${s.devices.pending_approval ? ` · ${t("dashboard.pending", { n: s.devices.pending_approval })}` : ""}`} />
          <Stat label={t("dashboard.sessions")} value={s.sessions.live} sub={t("dashboard.clients", { n: s.sessions.signed_in_clients })} />
          <Stat label={t("dashboard.logins")} value={s.last_24h.logins} sub={t("dashboard.failed", { n: s.last_24h.failed_logins })} />
          <Stat label={t("dashboard.alarms")} value={s.last_24h.alarms} />
        </div>
      )}
      <Card title={t("dashboard.chart")} className="mt-4">
        <ErrorText error={online.error} />
        {online.data && points.length < 2 && <Empty>{t("dashboard.noSamples")}</Empty>}
        {points.length >= 2 && (
          <Suspense fallback={<p>{t("app.loading")}</p>}>
            <OnlineChart points={points} label={t("dashboard.online", { n: points.at(-1)?.online ?? 0 })} />
          </Suspense>
        )}
      </Card>
      <Card title={t("dashboard.timeline")} className="mt-4">
        <ErrorText error={events.error} />
        {events.data && events.data.data.length === 0 && <Empty>{t("dashboard.noEvents")}</Empty>}
        <ol className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-700">
          {events.data?.data.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
              <span className={`rounded px-1.5 py-0.5 text-xs ${KIND[e.kind][1]}`}>{t(KIND[e.kind][0])}</span>
              <span className="font-mono text-xs">{e.action}</span>
              <span className="min-w-0 break-all">{e.target ? t("dashboard.byOn", { actor: e.actor, target: e.target }) : t("dashboard.by", { actor: e.actor })}</span>
              <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">
                <Time value={e.at} />
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
