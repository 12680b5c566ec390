// The cards of the user page that each load their own data: group, password, client sessions, SSO links, devices.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { Time } from "../components/time.tsx";
import { Button, Card, ErrorText, Field } from "../components/ui.tsx";
import { getDevices } from "../lib/devices.ts";
import { useT } from "../lib/i18n.tsx";
import { addMember, getGroups, getSessions, getSsoLinks, removeMember, revokeSession, setPassword, unlinkSso, type User } from "../lib/users.ts";
import { selectClass } from "./users-shared.ts";

export function UserGroup({ user, onChanged }: { user: User; onChanged: () => Promise<unknown> }) {
  const t = useT();
  const groups = useQuery({ queryKey: ["groups"], queryFn: getGroups });
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const move = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const to = String(new FormData(e.currentTarget).get("group") ?? "");
    if (to) void run(() => addMember(to, user.name));
  };
  return (
    <Card title={t("users.group")}>
      <form onSubmit={move} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          {t("user.moveTo")}
          <select name="group" key={`${user.group_name ?? ""}-${groups.dataUpdatedAt}`} defaultValue={user.group_name ?? ""} className={selectClass}>
            <option value="" disabled>{t("user.pickGroup")}</option>
            {groups.data?.data.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
          </select>
        </label>
        <Button type="submit">{t("user.move")}</Button>
        {user.group_name && (
          <Button variant="secondary" onClick={() => run(() => removeMember(user.group_name!, user.name))}>
            {t("user.leaveGroup", { group: user.group_name })}
          </Button>
        )}
      </form>
      <ErrorText error={error ?? groups.error} />
    </Card>
  );
}

export function UserPassword({ name, onDone }: { name: string; onDone: () => void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setError(null);
    try {
      await setPassword(name, String(new FormData(form).get("password") ?? ""));
      form.reset();
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t("user.setPassword")}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <Field id="user-password" name="password" type="password" label={t("user.newPassword")} hint={t("user.passwordHint")} required maxLength={1024} autoComplete="new-password" />
        <ErrorText error={error} />
        <div>
          <Button type="submit">{t("user.setPassword")}</Button>
        </div>
      </form>
    </Card>
  );
}

export function UserSessions({ name }: { name: string }) {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["user", name, "sessions"], queryFn: () => getSessions(name) });
  return (
    <Card title={t("user.sessions")}>
      <ErrorText error={q.error} />
      {q.data?.total === 0 && <p className="text-sm">{t("user.noSessions")}</p>}
      <ul className="flex flex-col gap-2">
        {q.data?.data.map((s) => {
          const what = s.kind === "console" ? t("user.consoleSession") : `${s.device_info.name || s.device_id || t("common.none")} (${s.device_info.os || s.device_info.type || t("common.none")})`;
          return (
            <li key={s.guid} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                {what} · {s.ip ?? t("common.none")} · {t("user.lastUsed")} <Time value={s.last_used_at} />
              </span>
              <ConfirmButton label={t("user.revoke")} title={t("user.revokeTitle")} confirm={t("user.revoke")} onConfirm={() => revokeSession(s.guid).then(() => qc.invalidateQueries({ queryKey: ["user", name, "sessions"] }))}>
                {t("user.revokeText", { what, name })}
              </ConfirmButton>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export function UserSsoLinks({ name }: { name: string }) {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["user", name, "sso"], queryFn: () => getSsoLinks(name) });
  return (
    <Card title={t("user.sso")}>
      <ErrorText error={q.error} />
      {q.data?.total === 0 && <p className="text-sm">{t("user.noSso")}</p>}
      <ul className="flex flex-col gap-2">
        {q.data?.data.map((l) => (
          <li key={l.guid} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span>
              {l.provider} · {l.email || l.subject} · {t("user.lastSignIn")} <Time value={l.last_login_at} />
            </span>
            <ConfirmButton label={t("user.unlink")} title={t("user.unlinkTitle")} confirm={t("user.unlink")} onConfirm={() => unlinkSso(name, l.guid).then(() => qc.invalidateQueries({ queryKey: ["user", name, "sso"] }))}>
              {t("user.unlinkText", { provider: l.provider, name })}
            </ConfirmButton>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function UserDevices({ name }: { name: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ["devices", `user=${name}`], queryFn: () => getDevices(`?user=${encodeURIComponent(name)}&page_size=100`) });
  return (
    <Card title={t("user.devices")}>
      <ErrorText error={q.error} />
      {q.data?.total === 0 && <p className="text-sm">{t("user.noDevices")}</p>}
      <ul className="flex flex-col gap-1 text-sm">
        {q.data?.data.map((d) => (
          <li key={d.id}>
            <Link href={`/devices/${d.id}`} className="font-mono text-blue-700 underline dark:text-blue-300">{d.id}</Link> {d.alias || d.info.device_name}
          </li>
        ))}
      </ul>
      {q.data && q.data.total > q.data.data.length && (
        <Link href={`/devices?user=${encodeURIComponent(name)}`} className="text-sm text-blue-700 underline dark:text-blue-300">{t("user.allDevices", { n: q.data.total })}</Link>
      )}
    </Card>
  );
}
