// The devices the signed-in user owns (GET /api/admin/me/devices), for every user.
import { useQuery } from "@tanstack/react-query";
import { Time } from "../components/time.tsx";
import { Card, Empty, ErrorText, PageTitle } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

type MyDevice = {
  guid: string;
  id: string;
  alias: string;
  status: number;
  pending_approval: boolean;
  is_online: boolean;
  device_group_name: string;
  info: { device_name: string; os: string; version: string };
  last_online: string | null;
};

export function MyDevicesPage() {
  const t = useT();
  const list = useQuery({ queryKey: ["me", "devices"], queryFn: () => get<{ total: number; data: MyDevice[] }>("/api/admin/me/devices"), refetchInterval: 30_000 });
  const th = "px-3 py-2 text-left font-medium";
  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <PageTitle>{t("me.devices")}</PageTitle>
      <ErrorText error={list.error} />
      <Card>
        {list.data && list.data.data.length === 0 ? (
          <Empty>{t("me.noDevices")}</Empty>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                <tr>
                  <th className={th}>{t("devices.id")}</th>
                  <th className={th}>{t("devices.name")}</th>
                  <th className={th}>{t("devices.os")}</th>
                  <th className={th}>{t("devices.status")}</th>
                  <th className={th}>{t("devices.lastSeen")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data?.data.map((d) => (
                  <tr key={d.guid} className="border-b border-zinc-100 last:border-0 dark:border-zinc-700">
                    <td className="px-3 py-2 font-mono">{d.id}</td>
                    <td className="px-3 py-2">{d.alias || d.info.device_name || t("common.none")}</td>
                    <td className="px-3 py-2">{d.info.os || t("common.none")}</td>
                    <td className="px-3 py-2">{d.pending_approval ? t("devices.pending") : d.status === 1 ? t("devices.enabled") : t("devices.disabled")}</td>
                    <td className="px-3 py-2">{d.is_online ? t("devices.online") : <Time value={d.last_online} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
