// One device: what it reports (in sections), its owner, group and strategy, its live sessions with Disconnect,
// its latest connections, note and alias edits, approve and rekey.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { DeviceAudit } from "../components/device-audit.tsx";
import { DeviceInfo } from "../components/device-info.tsx";
import { Time } from "../components/time.tsx";
import { Button, Card, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { deviceVerb, disconnect, getDevice, setDevice } from "../lib/devices.ts";
import { useT } from "../lib/i18n.tsx";
import type { PageProps } from "./types.ts";

type Sessions = { sessions: { conn: number; peer: string | null; conn_type: string | null; since: string | null }[] };
type Explain = { strategy: string | null; level?: string | null; state?: string };

function Rows({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
          <dd className="wrap-anywhere">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DevicePage({ params }: PageProps) {
  const t = useT();
  const id = params.id ?? "";
  const qc = useQueryClient();
  const device = useQuery({ queryKey: ["device", id], queryFn: () => getDevice(id) });
  const sessions = useQuery({ queryKey: ["device", id, "sessions"], queryFn: () => get<Sessions>(`/api/admin/devices/${encodeURIComponent(id)}/sessions`), refetchInterval: 15_000 });
  const explain = useQuery({ queryKey: ["device", id, "strategy"], queryFn: () => get<Explain>(`/api/admin/devices/${encodeURIComponent(id)}/strategy`) });
  const [notice, setNotice] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: ["device", id] });
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: refresh });
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    act.mutate(() => setDevice(id, { alias: String(f.get("alias") ?? ""), note: String(f.get("note") ?? "") }));
  };
  const d = device.data;
  const none = t("common.none");
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <p className="text-sm">
        <Link href="/devices" className="text-blue-700 underline dark:text-blue-300">{t("devices.title")}</Link>
      </p>
      <PageTitle>{d ? `${d.alias || d.info.device_name || d.id} (${d.id})` : id}</PageTitle>
      <ErrorText error={device.error ?? act.error} />
      {notice && <p role="status" className="text-sm text-green-800 dark:text-green-300">{notice}</p>}
      {d && (
        <>
          <div className="flex flex-wrap gap-2">
            {d.pending_approval && <Button onClick={() => act.mutate(() => deviceVerb(id, "approve"))}>{t("device.approve")}</Button>}
            {d.status === 1 ? (
              <ConfirmButton label={t("devices.disable")} title={t("devices.disableTitle", { n: 1 })} confirm={t("devices.disable")} onConfirm={() => deviceVerb(id, "disable").then(refresh)}>{d.id}</ConfirmButton>
            ) : (
              <Button variant="secondary" onClick={() => act.mutate(() => deviceVerb(id, "enable"))}>{t("devices.enable")}</Button>
            )}
            <ConfirmButton variant="secondary" label={t("device.rekey")} title={t("device.rekeyTitle")} confirm={t("device.rekey")} onConfirm={() => deviceVerb(id, "rekey").then(refresh)}>{t("device.rekeyText", { id: d.id })}</ConfirmButton>
          </div>
          <Card title={t("device.general")}>
            <Rows
              rows={[
                [t("devices.id"), d.id],
                [t("devices.name"), d.info.device_name || none],
                [t("devices.owner"), d.user_name || none],
                [t("devices.group"), d.device_group_name || none],
                [t("devices.status"), d.pending_approval ? t("devices.pending") : d.status === 1 ? t("devices.enabled") : t("devices.disabled")],
                [t("devices.lastSeen"), d.is_online ? t("devices.online") : <Time value={d.last_online} />],
                [t("device.lastIp"), d.last_ip ?? none],
                [t("devices.os"), d.info.os || none],
                [t("devices.version"), d.info.version || none],
                [t("device.cpu"), d.info.cpu || none],
                [t("device.memory"), d.info.memory || none],
                [t("device.registered"), <Time value={d.created_at} />],
              ]}
            />
          </Card>
          <DeviceInfo id={id} />
          <Card title={t("devices.strategy")}>
            <ErrorText error={explain.error} />
            <Rows rows={[[t("devices.strategy"), d.strategy_name ?? none], [t("device.strategyState"), t(`strategyState.${d.strategy_state}` as "strategyState.applied")], [t("device.strategyFrom"), explain.data?.level ?? none]]} />
          </Card>
          <Card title={t("device.sessions")}>
            <ErrorText error={sessions.error} />
            {sessions.data && sessions.data.sessions.length === 0 && <p className="text-sm">{t("device.noSessions")}</p>}
            <ul className="flex flex-col gap-2">
              {sessions.data?.sessions.map((s) => (
                <li key={s.conn} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span>
                    {s.peer ?? t("device.unknownPeer")} · {s.conn_type ?? none} · <Time value={s.since} />
                  </span>
                  <ConfirmButton label={t("device.disconnect")} title={t("device.disconnectTitle")} confirm={t("device.disconnect")} onConfirm={() => disconnect(id, s.conn).then(() => setNotice(t("device.disconnectSent")))}>
                    {t("device.disconnectText", { peer: s.peer ?? t("device.unknownPeer"), id: d.id })}
                  </ConfirmButton>
                </li>
              ))}
            </ul>
          </Card>
          <DeviceAudit id={id} />
          <Card title={t("device.edit")}>
            <form onSubmit={save} className="flex flex-col gap-3">
              <Field id="alias" name="alias" label={t("devices.alias")} defaultValue={d.alias} maxLength={200} />
              <Field id="note" name="note" label={t("device.note")} defaultValue={d.note} maxLength={2000} />
              <div>
                <Button type="submit" disabled={act.isPending}>{t("device.save")}</Button>
              </div>
            </form>
          </Card>
        </>
      )}
    </div>
  );
}
