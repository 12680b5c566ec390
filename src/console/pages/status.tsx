// The server's own state, refreshed every 10 s: version, uptime, where it listens, database and memory, what the
// device endpoints handled since the start, and the notification queue; then its backups and the doctor's checks.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Backups } from "../components/backups.tsx";
import { Doctor } from "../components/doctor.tsx";
import { Time } from "../components/time.tsx";
import { Card, ErrorText, PageTitle } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { bytes, duration } from "../lib/human.ts";
import { useI18n } from "../lib/i18n.tsx";

type Status = {
  version: string;
  commit: string;
  started_at: string;
  uptime_seconds: number;
  listen: { host: string; port: number };
  public_url: string | null;
  database: { path: string; size_bytes: number; wal_bytes: number };
  memory: { rss_bytes: number; heap_bytes: number };
  heartbeats: { handled: number; per_second: number };
  audit_posts: { accepted: number; refused: number };
  notifications: { pending: number; delivered: number; failed: number; dropped: number } | null;
};

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
          <dd className="min-w-0 break-all tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StatusPage() {
  const { t, lang } = useI18n();
  const status = useQuery({ queryKey: ["status"], queryFn: () => get<Status>("/api/admin/status"), refetchInterval: 10_000 });
  const s = status.data;
  const n = (v: number) => v.toLocaleString(lang);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <PageTitle>{t("status.title")}</PageTitle>
      <ErrorText error={status.error} />
      {s && (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title={t("status.server")}>
            <Rows
              rows={[
                [t("status.version"), `${s.version} (${s.commit})`],
                [t("status.uptime"), duration(s.uptime_seconds)],
                [t("status.started"), <Time value={s.started_at} />],
                [t("status.listen"), `${s.listen.host}:${s.listen.port}`],
                [t("status.publicUrl"), s.public_url ?? t("status.fromRequest")],
              ]}
            />
          </Card>
          <Card title={t("status.storage")}>
            <Rows
              rows={[
                [t("status.database"), s.database.path],
                [t("status.dbSize"), bytes(s.database.size_bytes, lang)],
                [t("status.walSize"), bytes(s.database.wal_bytes, lang)],
                [t("status.rss"), bytes(s.memory.rss_bytes, lang)],
                [t("status.heap"), bytes(s.memory.heap_bytes, lang)],
              ]}
            />
          </Card>
          <Card title={t("status.traffic")}>
            <Rows
              rows={[
                [t("status.heartbeats"), n(s.heartbeats.handled)],
                [t("status.perSecond"), s.heartbeats.per_second.toLocaleString(lang, { maximumFractionDigits: 1 })],
                [t("status.auditAccepted"), n(s.audit_posts.accepted)],
                [t("status.auditRefused"), n(s.audit_posts.refused)],
              ]}
            />
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t("status.sinceStart")}</p>
          </Card>
          <Card title={t("status.notifications")}>
            {s.notifications ? (
              <Rows
                rows={[
                  [t("status.pending"), n(s.notifications.pending)],
                  [t("status.delivered"), n(s.notifications.delivered)],
                  [t("status.failed"), n(s.notifications.failed)],
                  [t("status.dropped"), n(s.notifications.dropped)],
                ]}
              />
            ) : (
              <p className="text-sm">{t("status.noNotifier")}</p>
            )}
          </Card>
        </div>
      )}
      <Backups />
      <Doctor />
    </div>
  );
}
