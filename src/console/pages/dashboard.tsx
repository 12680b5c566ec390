// The overview: fleet and account numbers, devices online over the last 24 h, and recent events.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Card, ErrorText, PageTitle } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

const OnlineChart = lazy(() => import("../components/online-chart.tsx").then((m) => ({ default: m.OnlineChart })));

type Stats = {
  users: { total: number; admins: number; with_2fa: number };
  devices: { total: number; online: number; offline_30d: number; pending_approval: number };
  sessions: { live: number };
  last_24h: { logins: number; failed_logins: number; alarms: number };
};
type Series = { points: { at: string; online: number }[] };

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
  const s = stats.data;
  return (
    <div>
      <PageTitle>{t("dashboard.title")}</PageTitle>
      <ErrorText error={stats.error} />
      {s && (
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <Stat label={t("dashboard.users")} value={s.users.total} sub={t("dashboard.admins", { n: s.users.admins })} />
          <Stat label={t("dashboard.devices")} value={s.devices.total} sub={t("dashboard.online", { n: s.devices.online })} />
          <Stat label={t("dashboard.sessions")} value={s.sessions.live} />
          <Stat label={t("dashboard.logins")} value={s.last_24h.logins} sub={t("dashboard.failed", { n: s.last_24h.failed_logins })} />
          <Stat label={t("dashboard.alarms")} value={s.last_24h.alarms} />
        </div>
      )}
      <Card title={t("dashboard.devices")} className="mt-4">
        <ErrorText error={online.error} />
        {online.data && online.data.points.length < 2 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("dashboard.noSamples")}</p>}
        {online.data && online.data.points.length >= 2 && (
          <Suspense fallback={<p>{t("app.loading")}</p>}>
            <OnlineChart points={online.data.points.map((p) => ({ at: Date.parse(p.at), online: p.online }))} label={t("dashboard.online", { n: online.data.points.at(-1)?.online ?? 0 })} />
          </Suspense>
        )}
      </Card>
    </div>
  );
}
