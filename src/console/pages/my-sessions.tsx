// The signed-in user's live sessions (browser sign-ins and RustDesk client logins); end any but this one.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ConfirmButton } from "../components/confirm.tsx";
import { Time } from "../components/time.tsx";
import { Card, Empty, ErrorText, PageTitle } from "../components/ui.tsx";
import { del, get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

type MySession = { guid: string; kind: "client" | "console"; current: boolean; device_id: string; device_name: string; ip: string | null; created_at: string; last_used_at: string; expires_at: string };

export function MySessionsPage() {
  const t = useT();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ["me", "sessions"], queryFn: () => get<{ total: number; data: MySession[] }>("/api/admin/me/sessions") });
  const what = (s: MySession) => (s.kind === "client" ? `${s.device_name || t("common.none")} (${s.device_id})` : s.device_name || t("me.browser"));
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <PageTitle>{t("me.sessions")}</PageTitle>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("me.sessionsIntro")}</p>
      <ErrorText error={list.error} />
      {list.data && list.data.data.length === 0 && <Empty>{t("me.noSessions")}</Empty>}
      <ul className="flex flex-col gap-3">
        {list.data?.data.map((s) => (
          <li key={s.guid}>
            <Card>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 text-sm">
                  <p className="font-medium break-all">
                    {t(s.kind === "client" ? "me.kindClient" : "me.kindConsole")} · {what(s)}
                    {s.current && <span className="ml-2 inline-block rounded bg-blue-50 px-1.5 break-normal whitespace-nowrap py-0.5 text-xs text-blue-800 dark:bg-blue-950 dark:text-blue-200">{t("me.current")}</span>}
                  </p>
                  <p className="text-zinc-600 dark:text-zinc-400">
                    {s.ip ?? t("common.none")} · {t("me.started")} <Time value={s.created_at} /> · {t("me.lastUsed")} <Time value={s.last_used_at} /> · {t("me.expires")} <Time value={s.expires_at} />
                  </p>
                </div>
                {!s.current && (
                  <ConfirmButton label={t("me.revoke")} title={t("me.revokeTitle")} confirm={t("me.revoke")} onConfirm={() => del(`/api/admin/me/sessions/${encodeURIComponent(s.guid)}`).then(() => qc.invalidateQueries({ queryKey: ["me", "sessions"] }))}>
                    {what(s)}
                  </ConfirmButton>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
