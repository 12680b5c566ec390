// User groups: the list, create, and one group's editor (note, members, what its members may see, which single
// users may see them, delete).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { GroupTable } from "../components/group-table.tsx";
import { Button, Card, ErrorText, Field } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { addMember, allUserNames, createGroup, deleteGroup, getDeviceGroupRows, getGroup, getGroups, removeMember, setGroup, type Group } from "../lib/users.ts";
import { CreateGroup, NamePicker } from "./group-pickers.tsx";
import { selectClass, statusText } from "./users-shared.ts";

const link = "text-blue-700 underline dark:text-blue-300";

export function UserGroupsTab({ name }: { name?: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const groups = useQuery({ queryKey: ["groups"], queryFn: getGroups });
  if (name) return <GroupEditor name={name} />;
  return (
    <>
      <CreateGroup
        id="user-group"
        title={t("groups.newUserGroup")}
        create={async (body) => {
          const g = await createGroup(body);
          await qc.invalidateQueries({ queryKey: ["groups"] });
          navigate(`/groups/users/${encodeURIComponent(g.name)}`);
        }}
      />
      <ErrorText error={groups.error} />
      {groups.data && <GroupTable label={t("groups.userGroups")} countHeader={t("groups.members")} rows={groups.data.data} href={(n) => `/groups/users/${encodeURIComponent(n)}`} count={(g) => g.user_count} empty={t("groups.noUserGroups")} />}
    </>
  );
}

function GroupEditor({ name }: { name: string }) {
  const t = useT();
  const qc = useQueryClient();
  const group = useQuery({ queryKey: ["group", name], queryFn: () => getGroup(name) });
  // Kept here: the form below starts afresh from each reload of the group.
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  return (
    <>
      <p className="text-sm"><Link href="/groups/users" className={link}>{t("groups.userGroups")}</Link></p>
      <ErrorText error={group.error ?? error} />
      {notice && <p role="status" className="text-sm text-green-800 dark:text-green-300">{notice}</p>}
      {group.data && <GroupForm key={group.data.guid + group.dataUpdatedAt} group={group.data} report={{ setError, setNotice }} onChanged={() => Promise.all([qc.invalidateQueries({ queryKey: ["group", name] }), qc.invalidateQueries({ queryKey: ["groups"] }), qc.invalidateQueries({ queryKey: ["users"] })])} />}
    </>
  );
}

type Report = { setError: (e: unknown) => void; setNotice: (s: string) => void };

function GroupForm({ group: g, onChanged, report: { setError, setNotice } }: { group: Group; onChanged: () => Promise<unknown>; report: Report }) {
  const t = useT();
  const [, navigate] = useLocation();
  const groups = useQuery({ queryKey: ["groups"], queryFn: getGroups });
  const deviceGroups = useQuery({ queryKey: ["device-groups-rows"], queryFn: getDeviceGroupRows });
  const users = useQuery({ queryKey: ["user-names"], queryFn: allUserNames });
  const [lists, setLists] = useState({ can_access_groups: g.can_access_groups, can_access_device_groups: g.can_access_device_groups, accessible_by_users: g.accessible_by_users });
  const run = async (fn: () => Promise<unknown>, done = "") => {
    setError(null);
    setNotice("");
    try {
      await fn();
      if (done) setNotice(done);
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(() => setGroup(g.name, { note: String(new FormData(e.currentTarget).get("note") ?? ""), ...lists }), t("groups.saved"));
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const user = String(new FormData(e.currentTarget).get("user") ?? "");
    if (user) void run(() => addMember(g.name, user));
  };
  const members = new Set(g.members.map((m) => m.name));
  return (
    <>
      <h2 className="text-xl font-semibold">{g.name}</h2>
      <Card title={t("groups.members")}>
        {g.members.length === 0 && <p className="text-sm">{t("groups.noMembers")}</p>}
        <ul className="mb-3 flex flex-col gap-1 text-sm">
          {g.members.map((m) => (
            <li key={m.name} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <Link href={`/users/${encodeURIComponent(m.name)}`} className={link}>{m.name}</Link>
                {m.is_admin ? ` · ${t("users.admin")}` : ""}
                {m.status !== 1 ? ` · ${statusText(t, m)}` : ""}
              </span>
              <Button variant="secondary" onClick={() => run(() => removeMember(g.name, m.name))}>{t("groups.remove", { name: m.name })}</Button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            {t("groups.addUser")}
            <select name="user" defaultValue="" className={selectClass}>
              <option value="" disabled>{t("groups.pickUser")}</option>
              {users.data?.filter((u) => !members.has(u)).map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </label>
          <Button type="submit">{t("groups.add")}</Button>
        </form>
      </Card>
      <Card title={t("groups.access")}>
        <form onSubmit={save} className="flex flex-col gap-4">
          <Field id="group-note" name="note" label={t("device.note")} defaultValue={g.note} maxLength={2000} />
          <NamePicker id="can_access_groups" legend={t("groups.canAccessGroups")} names={(groups.data?.data ?? []).map((x) => x.name).filter((n) => n !== g.name)} chosen={lists.can_access_groups} onChange={(v) => setLists({ ...lists, can_access_groups: v })} empty={t("groups.noOtherGroups")} />
          <NamePicker id="can_access_device_groups" legend={t("groups.canAccessDeviceGroups")} names={(deviceGroups.data?.data ?? []).map((x) => x.name)} chosen={lists.can_access_device_groups} onChange={(v) => setLists({ ...lists, can_access_device_groups: v })} empty={t("groups.noDeviceGroups")} />
          <NamePicker id="accessible_by_users" legend={t("groups.accessibleByUsers")} names={users.data ?? []} chosen={lists.accessible_by_users} onChange={(v) => setLists({ ...lists, accessible_by_users: v })} empty={t("groups.noUsers")} />
          {g.accessible_by_groups.length > 0 && <p className="text-sm">{t("groups.seenBy", { groups: g.accessible_by_groups.join(", ") })}</p>}
          <div>
            <Button type="submit">{t("device.save")}</Button>
          </div>
        </form>
      </Card>
      <div>
        <ConfirmButton label={t("groups.delete")} title={t("groups.deleteTitle", { name: g.name })} confirm={t("groups.delete")} onConfirm={() => deleteGroup(g.name).then(async () => { await onChanged(); navigate("/groups/users"); })}>
          {t("groups.deleteText", { name: g.name, n: g.members.length })}
        </ConfirmButton>
      </div>
    </>
  );
}
