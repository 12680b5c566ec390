// Device groups: the list with device counts, create, and one group's editor (rename, note, which single users
// may see its devices, delete; its devices stay, ungrouped).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { GroupTable } from "../components/group-table.tsx";
import { Button, Card, ErrorText, Field } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { allUserNames, createDeviceGroup, deleteDeviceGroup, getDeviceGroup, getDeviceGroupRows, setDeviceGroup, type DeviceGroup } from "../lib/users.ts";
import { CreateGroup, NamePicker } from "./group-pickers.tsx";

const link = "text-blue-700 underline dark:text-blue-300";
const KEYS = [["device-groups-rows"], ["device-groups"]];

export function DeviceGroupsTab({ name }: { name?: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const groups = useQuery({ queryKey: ["device-groups-rows"], queryFn: getDeviceGroupRows });
  if (name) return <DeviceGroupEditor name={name} />;
  return (
    <>
      <CreateGroup
        id="device-group"
        title={t("groups.newDeviceGroup")}
        create={async (body) => {
          const g = await createDeviceGroup(body);
          await Promise.all(KEYS.map((queryKey) => qc.invalidateQueries({ queryKey })));
          navigate(`/groups/devices/${encodeURIComponent(g.name)}`);
        }}
      />
      <ErrorText error={groups.error} />
      {groups.data && <GroupTable label={t("groups.deviceGroups")} countHeader={t("groups.devices")} rows={groups.data.data} href={(n) => `/groups/devices/${encodeURIComponent(n)}`} count={(g) => <Link href={`/devices?group=${encodeURIComponent(g.name)}`} className={link}>{g.device_count}</Link>} empty={t("groups.noDeviceGroupsYet")} />}
    </>
  );
}

function DeviceGroupEditor({ name }: { name: string }) {
  const t = useT();
  const group = useQuery({ queryKey: ["device-group", name], queryFn: () => getDeviceGroup(name) });
  // Kept here: the form below starts afresh from each reload of the group.
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  return (
    <>
      <p className="text-sm"><Link href="/groups/devices" className={link}>{t("groups.deviceGroups")}</Link></p>
      <ErrorText error={group.error ?? error} />
      {notice && <p role="status" className="text-sm text-green-800 dark:text-green-300">{notice}</p>}
      {group.data && <DeviceGroupForm key={group.data.guid + group.dataUpdatedAt} group={group.data} report={{ setError, setNotice }} />}
    </>
  );
}

function DeviceGroupForm({ group: g, report: { setError, setNotice } }: { group: DeviceGroup; report: { setError: (e: unknown) => void; setNotice: (s: string) => void } }) {
  const t = useT();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const users = useQuery({ queryKey: ["user-names"], queryFn: allUserNames });
  const [chosen, setChosen] = useState(g.accessible_by_users);
  const refresh = () => Promise.all([...KEYS, ["device-group"]].map((queryKey) => qc.invalidateQueries({ queryKey })));
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const newName = String(f.get("name") ?? "").trim();
    setError(null);
    setNotice("");
    try {
      const after = await setDeviceGroup(g.name, { ...(newName !== g.name ? { name: newName } : {}), note: String(f.get("note") ?? ""), accessible_by_users: chosen });
      setNotice(t("groups.saved"));
      await refresh();
      if (after.name !== g.name) navigate(`/groups/devices/${encodeURIComponent(after.name)}`, { replace: true });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h2 className="text-xl font-semibold">{g.name}</h2>
      <Card>
        <form onSubmit={save} className="flex flex-col gap-4">
          <Field id="dgroup-name" name="name" label={t("groups.name")} defaultValue={g.name} required maxLength={200} />
          <Field id="dgroup-note" name="note" label={t("device.note")} defaultValue={g.note} maxLength={2000} />
          <p className="text-sm">
            <Link href={`/devices?group=${encodeURIComponent(g.name)}`} className={link}>{t("groups.deviceCount", { n: g.devices.length })}</Link>
            {g.accessible_by_groups.length > 0 && ` · ${t("groups.seenBy", { groups: g.accessible_by_groups.join(", ") })}`}
          </p>
          <NamePicker id="accessible_by_users" legend={t("groups.accessibleByUsersDevices")} names={users.data ?? []} chosen={chosen} onChange={setChosen} empty={t("groups.noUsers")} />
          <div>
            <Button type="submit">{t("device.save")}</Button>
          </div>
        </form>
      </Card>
      <div>
        <ConfirmButton label={t("groups.delete")} title={t("groups.deleteTitle", { name: g.name })} confirm={t("groups.delete")} onConfirm={() => deleteDeviceGroup(g.name).then(async () => { await refresh(); navigate("/groups/devices"); })}>
          {t("groups.deleteDeviceText", { name: g.name, n: g.devices.length })}
        </ConfirmButton>
      </div>
    </>
  );
}
