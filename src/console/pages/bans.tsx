// IP bans (an address or a CIDR range, refused on every endpoint, until an expiry or for ever) and the login
// lockouts in force. Expired bans on request (?expired=1).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConfirmButton } from "../components/confirm.tsx";
import { Lockouts } from "../components/lockouts.tsx";
import { Time } from "../components/time.tsx";
import { Button, Card, Empty, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { addBan, getBans, removeBan } from "../lib/bans.ts";
import { useT } from "../lib/i18n.tsx";
import { useListState } from "../lib/url-state.ts";

export function BansPage() {
  const t = useT();
  const qc = useQueryClient();
  const [list, setList] = useListState();
  const all = list.filters.expired === "1";
  const bans = useQuery({ queryKey: ["bans", all], queryFn: () => getBans(all) });
  const [error, setError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["bans"] });
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const expires = String(f.get("expires") ?? "").trim();
    setError(null);
    try {
      await addBan({ address: String(f.get("address")).trim(), comment: String(f.get("comment") ?? ""), ...(expires ? { expires } : {}) });
      form.reset();
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("bans.title")}</PageTitle>
      <Card title={t("bans.add")}>
        <form onSubmit={add} className="grid gap-3 md:grid-cols-3">
          <Field id="ban-address" name="address" label={t("bans.address")} hint={t("bans.addressHint")} required maxLength={64} />
          <Field id="ban-expires" name="expires" label={t("bans.expires")} hint={t("bans.expiresHint")} placeholder="12h" maxLength={20} />
          <Field id="ban-comment" name="comment" label={t("bans.comment")} maxLength={500} />
          <div className="md:col-span-3">
            <ErrorText error={error} />
            <Button type="submit" className="mt-2">{t("bans.addSubmit")}</Button>
          </div>
        </form>
      </Card>
      <Card title={t("bans.bans")}>
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={all} onChange={(e) => setList({ filters: { ...list.filters, expired: e.target.checked ? "1" : "" } })} />
          {t("bans.showExpired")}
        </label>
        <ErrorText error={bans.error} />
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label={t("bans.bans")}>
            <thead className="bg-zinc-100 dark:bg-zinc-900">
              <tr>
                {(["bans.address", "bans.comment", "bans.createdBy", "bans.created", "bans.expiresAt"] as const).map((k) => <th key={k} scope="col" className="px-3 py-2 whitespace-nowrap">{t(k)}</th>)}
                <th scope="col" className="relative px-3 py-2"><span className="sr-only">{t("bans.remove")}</span></th>
              </tr>
            </thead>
            <tbody>
              {bans.data?.data.map((b) => (
                <tr key={b.guid} className="border-t border-zinc-200 dark:border-zinc-700">
                  <td className="px-3 py-2 font-mono whitespace-nowrap">{b.cidr}</td>
                  <td className="px-3 py-2">{b.comment || t("common.none")}</td>
                  <td className="px-3 py-2">{b.created_by}</td>
                  <td className="px-3 py-2 whitespace-nowrap"><Time value={b.created_at} /></td>
                  <td className="px-3 py-2 whitespace-nowrap">{b.expires_at ? <Time value={b.expires_at} /> : t("bans.never")}</td>
                  <td className="px-3 py-2">
                    <ConfirmButton label={t("bans.remove")} title={t("bans.removeTitle", { cidr: b.cidr })} confirm={t("bans.remove")} onConfirm={async () => { await removeBan(b.guid); await refresh(); }}>
                      {t("bans.removeText", { cidr: b.cidr })}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {bans.isSuccess && bans.data.data.length === 0 && <Empty>{t("bans.empty")}</Empty>}
        </div>
      </Card>
      <Lockouts />
    </div>
  );
}
