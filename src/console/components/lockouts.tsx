// Login lockouts in force (an address or an account locked after failed sign-ins), each lifted at once on request.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getLockouts, liftLockout } from "../lib/bans.ts";
import { useT } from "../lib/i18n.tsx";
import { ConfirmButton } from "./confirm.tsx";
import { Time } from "./time.tsx";
import { Card, Empty, ErrorText } from "./ui.tsx";

export function Lockouts() {
  const t = useT();
  const qc = useQueryClient();
  const lockouts = useQuery({ queryKey: ["lockouts"], queryFn: getLockouts });
  return (
    <Card title={t("bans.lockouts")}>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("bans.lockoutsHint")}</p>
      <ErrorText error={lockouts.error} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label={t("bans.lockouts")}>
          <thead className="bg-zinc-100 dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2">{t("bans.kind")}</th>
              <th scope="col" className="px-3 py-2">{t("bans.subject")}</th>
              <th scope="col" className="px-3 py-2">{t("bans.lockedAt")}</th>
              <th scope="col" className="px-3 py-2">{t("bans.lockedUntil")}</th>
              <th scope="col" className="relative px-3 py-2"><span className="sr-only">{t("bans.lift")}</span></th>
            </tr>
          </thead>
          <tbody>
            {lockouts.data?.data.map((l) => (
              <tr key={`${l.kind}:${l.subject}`} className="border-t border-zinc-200 dark:border-zinc-700">
                <td className="px-3 py-2">{t(`bans.kind.${l.kind}`)}</td>
                <td className="px-3 py-2 font-mono whitespace-nowrap">{l.subject}</td>
                <td className="px-3 py-2 whitespace-nowrap"><Time value={l.locked_at} /></td>
                <td className="px-3 py-2 whitespace-nowrap"><Time value={l.locked_until} /></td>
                <td className="px-3 py-2">
                  <ConfirmButton label={t("bans.lift")} title={t("bans.liftTitle", { subject: l.subject })} confirm={t("bans.lift")} variant="primary" onConfirm={async () => { await liftLockout(l.subject); await qc.invalidateQueries({ queryKey: ["lockouts"] }); }}>
                    {t("bans.liftText", { subject: l.subject })}
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {lockouts.isSuccess && lockouts.data.data.length === 0 && <Empty>{t("bans.noLockouts")}</Empty>}
      </div>
    </Card>
  );
}
