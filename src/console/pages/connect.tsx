// Connect a device: the settings string the client imports, its QR code for the mobile client, and the install
// lines per OS (with an enrolment key, the lines also run rustdesk --assign).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CopyText } from "../components/copy.tsx";
import { Card, ErrorText } from "../components/ui.tsx";
import { get, post } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

type ClientConfig = { config_string: string; host: string; relay: string; api: string; key: string };
type Install = { os: string; lines: string[] };
const OSES = ["windows", "macos", "linux"] as const;

/** `secret`: an enrolment key just created (its secret is shown once), for install lines that enrol too. */
export function ConnectDevice({ secret = "" }: { secret?: string }) {
  const t = useT();
  const [os, setOs] = useState<(typeof OSES)[number]>("windows");
  const [key, setKey] = useState(secret);
  const config = useQuery({ queryKey: ["client-config"], queryFn: () => get<ClientConfig>("/api/admin/client-config") });
  // Without the ID server, API URL or key the server cannot make a string or install lines: say what it lacks, once.
  const install = useQuery({ queryKey: ["install", os, key], queryFn: () => post<Install>("/api/admin/client-config/install", { os, ...(key ? { token: key } : {}) }), enabled: config.isSuccess });
  return (
    <Card title={t("connect.title")}>
      {config.error && (
        <div className="flex flex-col gap-2">
          <p className="text-sm">{t("connect.notReady")}</p>
          <ErrorText error={config.error} />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("connect.notReadyHow")}</p>
        </div>
      )}
      {config.data && (
        <div className="flex flex-col gap-4 md:flex-row">
          <div className="flex min-w-0 flex-1 flex-col gap-3">
            <p className="text-sm">{t("connect.stringHelp")}</p>
            <CopyText text={config.data.config_string} label={t("connect.string")} />
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("connect.holds", { host: config.data.host || "—", api: config.data.api || "—" })}</p>
          </div>
          <figure className="shrink-0">
            <img src="/api/admin/client-config/qr" alt={t("connect.qr")} width={180} height={180} className="rounded bg-white p-2" />
            <figcaption className="mt-1 text-center text-xs">{t("connect.qr")}</figcaption>
          </figure>
        </div>
      )}
      {config.data && <div className="mt-4 flex flex-wrap gap-3">
        <label className="flex flex-col text-sm">
          {t("connect.os")}
          <select value={os} onChange={(e) => setOs(e.target.value as (typeof OSES)[number])} className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900">
            {OSES.map((o) => <option key={o} value={o}>{t(`connect.os.${o}`)}</option>)}
          </select>
        </label>
        <label className="flex min-w-64 flex-1 flex-col text-sm">
          {t("connect.key")}
          <input value={key} onChange={(e) => setKey(e.target.value.trim())} placeholder="rdc_…" autoComplete="off" spellCheck={false} className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono dark:border-zinc-600 dark:bg-zinc-900" />
        </label>
      </div>}
      <ErrorText error={install.error} />
      {install.data && (
        <div className="mt-3 flex flex-col gap-2">
          <p className="text-sm">{t(os === "windows" ? "connect.linesWindows" : "connect.linesUnix")}</p>
          <CopyText text={install.data.lines.join("\n")} label={t("connect.lines")} />
        </div>
      )}
    </Card>
  );
}
