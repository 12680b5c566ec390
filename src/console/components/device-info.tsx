// A device's information in sections, as GET /api/admin/devices/{id}/info gives it (after MeshCentral's
// deviceinfo): the sections not already on the device page — operating system, RustDesk, hardware, networking.
import { useQuery } from "@tanstack/react-query";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { Time } from "./time.tsx";
import { Card, ErrorText } from "./ui.tsx";

type Scalar = string | number | boolean | null;
type Info = { id: string; sections: { name: string; fields: Record<string, Scalar | Record<string, Scalar>[]> }[] };

const SHOWN: Record<string, { title: MessageKey; fields: Record<string, MessageKey> }> = {
  "Operating System": { title: "info.os", fields: { platform: "info.platform", name: "info.osName", version: "info.osVersion", os_user: "info.osUser" } },
  RustDesk: { title: "info.rustdesk", fields: { client_version: "info.clientVersion", last_sysinfo: "info.lastSysinfo", uuid: "info.uuid", public_key: "info.publicKey" } },
  Hardware: { title: "info.hardware", fields: { cpu: "info.cpu", memory: "info.memory" } },
  Networking: { title: "info.networking", fields: { online: "info.online", last_seen: "info.lastSeen", last_ip: "info.lastIp" } },
};
const TIMES = new Set(["last_sysinfo", "last_seen"]);

export function DeviceInfo({ id }: { id: string }) {
  const t = useT();
  const info = useQuery({ queryKey: ["device", id, "info"], queryFn: () => get<Info>(`/api/admin/devices/${encodeURIComponent(id)}/info`), refetchInterval: 30_000 });
  const show = (key: string, v: Scalar | Record<string, Scalar>[]) => {
    if (v === null || v === "") return t("common.none");
    if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
    if (TIMES.has(key) && typeof v === "string") return <Time value={v} />;
    return String(v);
  };
  return (
    <Card title={t("info.title")}>
      <ErrorText error={info.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        {info.data?.sections.flatMap((s) => {
          const shown = SHOWN[s.name];
          if (!shown) return [];
          return [
            <section key={s.name} aria-label={t(shown.title)}>
              <h3 className="mb-1 text-sm font-semibold">{t(shown.title)}</h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {Object.entries(shown.fields).map(([key, label]) => (
                  <div key={key} className="contents">
                    <dt className="text-zinc-600 dark:text-zinc-400">{t(label)}</dt>
                    <dd className="wrap-anywhere">{show(key, s.fields[key] ?? null)}</dd>
                  </div>
                ))}
              </dl>
            </section>,
          ];
        })}
      </div>
    </Card>
  );
}
