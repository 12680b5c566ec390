// Whom a strategy is assigned to directly: devices (found by search), users (their devices) and device groups;
// assign adds one, Unassign clears this strategy from it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Card, ErrorText } from "../components/ui.tsx";
import { get } from "../lib/api.ts";
import { getDeviceGroups, getDevices } from "../lib/devices.ts";
import { useT } from "../lib/i18n.tsx";
import { assign, unassign, type Targets } from "../lib/strategies.ts";

type Kind = keyof Targets;
const input = "h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";
const LABEL = { devices: "strategy.assignDevices", users: "strategy.assignUsers", device_groups: "strategy.assignGroups" } as const;

function Picker({ kind, value, setValue }: { kind: Kind; value: string; setValue: (v: string) => void }) {
  const t = useT();
  const id = `assign-${kind}`;
  const devices = useQuery({ queryKey: ["devices", "pick", value], queryFn: () => getDevices(`?page_size=20&search=${encodeURIComponent(value)}`), enabled: kind === "devices" });
  const users = useQuery({ queryKey: ["users"], queryFn: () => get<{ data: { name: string }[] }>("/api/admin/users"), enabled: kind === "users" });
  const groups = useQuery({ queryKey: ["device-groups"], queryFn: getDeviceGroups, enabled: kind === "device_groups" });
  const label = <label htmlFor={id} className="text-sm font-medium">{t(LABEL[kind])}</label>;
  if (kind === "devices")
    return (
      <>
        {label}
        <input id={id} list={`${id}-list`} value={value} onChange={(e) => setValue(e.target.value)} placeholder={t("strategy.deviceSearch")} className={`${input} font-mono`} autoComplete="off" />
        <datalist id={`${id}-list`}>
          {devices.data?.data.map((d) => (
            <option key={d.id} value={d.id}>
              {[d.alias, d.info.device_name, d.user_name].filter(Boolean).join(" · ")}
            </option>
          ))}
        </datalist>
      </>
    );
  const names = (kind === "users" ? users.data?.data : groups.data?.data) ?? [];
  return (
    <>
      {label}
      <select id={id} value={value} onChange={(e) => setValue(e.target.value)} className={input}>
        <option value="">{t("strategy.choose")}</option>
        {names.map((n) => (
          <option key={n.name} value={n.name}>
            {n.name}
          </option>
        ))}
      </select>
    </>
  );
}

function Section({ name, kind, held }: { name: string; kind: Kind; held: string[] }) {
  const t = useT();
  const qc = useQueryClient();
  const [value, setValue] = useState("");
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setValue("");
    } catch (e) {
      setError(e);
    }
    await Promise.all([qc.invalidateQueries({ queryKey: ["strategy"] }), qc.invalidateQueries({ queryKey: ["strategies"] })]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) void run(() => assign(name, { [kind]: [value.trim()] }));
  };
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <form onSubmit={submit} className="flex flex-col gap-1">
        <Picker kind={kind} value={value} setValue={setValue} />
        <Button type="submit" variant="secondary" disabled={!value.trim()} aria-label={t("strategy.assignTo", { what: t(LABEL[kind]) })}>
          {t("strategy.assign")}
        </Button>
      </form>
      <ErrorText error={error} />
      {held.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("strategy.noneAssigned")}</p>
      ) : (
        <ul className="text-sm">
          {held.map((h) => (
            <li key={h} className="flex items-center justify-between gap-2 border-t border-zinc-200 py-1 dark:border-zinc-700">
              <span className="font-mono break-all">{h}</span>
              <button type="button" className="text-blue-700 underline dark:text-blue-300" aria-label={t("strategy.unassignOne", { name: h })} onClick={() => void run(() => unassign(name, { [kind]: [h] }))}>
                {t("strategy.unassign")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Assignments({ name, assigned }: { name: string; assigned: Targets }) {
  const t = useT();
  return (
    <Card title={t("strategy.assignments")}>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("strategy.assignIntro")}</p>
      <div className="grid gap-4 md:grid-cols-3">
        {(["devices", "users", "device_groups"] as const).map((k) => (
          <Section key={k} name={name} kind={k} held={assigned[k]} />
        ))}
      </div>
    </Card>
  );
}
