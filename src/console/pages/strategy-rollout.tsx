// Where a strategy has landed, refreshed while the page is open: applied (the device confirmed), pending (online,
// not yet confirmed), offline.
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { Time } from "../components/time.tsx";
import { Card, Empty, ErrorText } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { strategyStatus } from "../lib/strategies.ts";

const TONE = { applied: "text-green-700 dark:text-green-400", pending: "text-amber-800 dark:text-amber-300", offline: "text-zinc-600 dark:text-zinc-400", clearing: "", none: "" };

export function Rollout({ name }: { name: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ["strategy", name, "status"], queryFn: () => strategyStatus(name), refetchInterval: 3_000 });
  const r = q.data;
  return (
    <Card title={t("strategy.rollout")}>
      <ErrorText error={q.error} />
      {r && (
        <>
          <p className="mb-2 text-sm">{t("strategies.rolloutCounts", r.counts)}</p>
          {r.total > r.data.length && <p className="mb-2 text-sm">{t("strategy.firstOf", { shown: r.data.length, total: r.total })}</p>}
          {!r.enabled && <p className="mb-2 text-sm text-amber-800 dark:text-amber-300">{t("strategy.disabledNote")}</p>}
          {r.data.length === 0 ? (
            <Empty>{t("strategy.noDevices")}</Empty>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="text-zinc-600 dark:text-zinc-400">
                    <th className="py-1 pr-3 font-medium">{t("strategy.device")}</th>
                    <th className="py-1 pr-3 font-medium">{t("strategy.state")}</th>
                    <th className="py-1 pr-3 font-medium">{t("strategy.lastSeen")}</th>
                    <th className="py-1 font-medium">{t("strategy.confirmed")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.data.map((d) => (
                    <tr key={d.device} className="border-t border-zinc-200 dark:border-zinc-700" data-device={d.device} data-state={d.state}>
                      <td className="py-1 pr-3 font-mono">
                        <Link href={`/devices/${encodeURIComponent(d.device)}`} className="text-blue-700 underline dark:text-blue-300">
                          {d.device}
                        </Link>
                      </td>
                      <td className={`py-1 pr-3 ${TONE[d.state]}`}>{t(`strategyState.${d.state}`)}</td>
                      <td className="py-1 pr-3">{d.online ? t("strategy.online") : <Time value={d.last_seen} />}</td>
                      <td className="py-1">
                        <Time value={d.confirmed_at} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
