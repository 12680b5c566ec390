// One user: state and actions (disable/enable, administrator on/off, 2FA reset, sign out everywhere, unlock,
// delete), profile edits, password, group, and what they own: client sessions, SSO links, devices.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { ConfirmButton } from "../components/confirm.tsx";
import { Time } from "../components/time.tsx";
import { Button, Card, ErrorText, Field, PageTitle } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { deleteUser, getUser, setUser, userVerb } from "../lib/users.ts";
import type { PageProps } from "./types.ts";
import { UserDevices, UserGroup, UserPassword, UserSessions, UserSsoLinks } from "./user-parts.tsx";
import { statusText } from "./users-shared.ts";

export function UserPage({ params }: PageProps) {
  const t = useT();
  const name = params.name ?? "";
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const user = useQuery({ queryKey: ["user", name], queryFn: () => getUser(name) });
  const [notice, setNotice] = useState("");
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ["user", name] }), qc.invalidateQueries({ queryKey: ["users"] })]);
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: refresh });
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "");
    act.mutate(() => setUser(name, { email: text("email").trim(), display_name: text("display_name"), note: text("note") }).then(() => setNotice(t("user.saved"))));
  };
  const u = user.data;
  const none = t("common.none");
  const yes = (b: boolean) => (b ? t("common.yes") : t("common.no"));
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <p className="text-sm">
        <Link href="/users" className="text-blue-700 underline dark:text-blue-300">{t("users.title")}</Link>
      </p>
      <PageTitle>{u ? (u.display_name ? `${u.display_name} (${u.name})` : u.name) : name}</PageTitle>
      <ErrorText error={user.error ?? act.error} />
      {notice && <p role="status" className="text-sm text-green-800 dark:text-green-300">{notice}</p>}
      {u && (
        <>
          <div className="flex flex-wrap gap-2">
            {u.status === 1 ? (
              <ConfirmButton label={t("user.disable")} title={t("user.disableTitle", { name: u.name })} confirm={t("user.disable")} onConfirm={() => userVerb(u.name, "disable").then(refresh)}>{t("user.disableText", { name: u.name })}</ConfirmButton>
            ) : (
              u.status === 0 && <Button variant="secondary" onClick={() => act.mutate(() => userVerb(u.name, "enable"))}>{t("user.enable")}</Button>
            )}
            {u.is_admin ? (
              <ConfirmButton key="revoke-admin" variant="secondary" label={t("user.revokeAdmin")} title={t("user.revokeAdminTitle", { name: u.name })} confirm={t("user.revokeAdmin")} onConfirm={() => setUser(u.name, { is_admin: false }).then(refresh)}>{t("user.revokeAdminText", { name: u.name })}</ConfirmButton>
            ) : (
              <ConfirmButton key="make-admin" variant="secondary" label={t("user.makeAdmin")} title={t("user.makeAdminTitle", { name: u.name })} confirm={t("user.makeAdmin")} onConfirm={() => setUser(u.name, { is_admin: true }).then(refresh)}>{t("user.makeAdminText", { name: u.name })}</ConfirmButton>
            )}
            {u.locked && <Button variant="secondary" onClick={() => act.mutate(() => userVerb(u.name, "unlock").then(() => setNotice(t("user.unlocked"))))}>{t("user.unlock")}</Button>}
            {u.tfa !== "off" && (
              <ConfirmButton variant="secondary" label={t("user.reset2fa")} title={t("user.reset2faTitle", { name: u.name })} confirm={t("user.reset2fa")} onConfirm={() => userVerb(u.name, "2fa/reset").then(refresh)}>{t("user.reset2faText", { name: u.name })}</ConfirmButton>
            )}
            <ConfirmButton variant="secondary" label={t("user.logoutAll")} title={t("user.logoutAllTitle", { name: u.name })} confirm={t("user.logoutAll")} onConfirm={() => userVerb(u.name, "logout-all").then(refresh)}>{t("user.logoutAllText", { name: u.name })}</ConfirmButton>
            <ConfirmButton label={t("user.delete")} title={t("user.deleteTitle", { name: u.name })} confirm={t("user.delete")} onConfirm={() => deleteUser(u.name).then(async () => { await qc.invalidateQueries({ queryKey: ["users"] }); navigate("/users"); })}>
              {t("user.deleteText", { name: u.name })}
            </ConfirmButton>
          </div>
          <Card title={t("device.general")}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
              {(
                [
                  [t("users.name"), u.name],
                  [t("users.status"), statusText(t, u)],
                  [t("users.admin"), yes(u.is_admin)],
                  [t("users.tfa"), t(`users.tfa.${u.tfa}`) + (u.tfa_enforced ? ` · ${t("user.tfaEnforced")}` : "")],
                  [t("users.locked"), u.locked ? <>{t("user.lockedUntil")} <Time value={u.locked_until} /></> : t("common.no")],
                  [t("users.group"), u.group_name ?? none],
                  [t("user.hasPassword"), yes(u.has_password)],
                  [t("user.created"), <Time value={u.created_at} />],
                  [t("user.updated"), <Time value={u.updated_at} />],
                ] as [string, React.ReactNode][]
              ).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
                  <dd className="wrap-anywhere">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title={t("user.profile")}>
            <form onSubmit={save} className="flex flex-col gap-3">
              <Field id="user-email" name="email" type="email" label={t("users.email")} defaultValue={u.email} maxLength={254} />
              <Field id="user-display" name="display_name" label={t("users.displayName")} defaultValue={u.display_name} maxLength={128} />
              <Field id="user-note" name="note" label={t("device.note")} defaultValue={u.note} maxLength={2000} />
              <div>
                <Button type="submit" disabled={act.isPending}>{t("device.save")}</Button>
              </div>
            </form>
          </Card>
          <UserGroup user={u} onChanged={refresh} />
          <UserPassword name={u.name} onDone={() => setNotice(t("user.passwordSet"))} />
          <UserSessions name={u.name} />
          <UserSsoLinks name={u.name} />
          <UserDevices name={u.name} />
        </>
      )}
    </div>
  );
}
