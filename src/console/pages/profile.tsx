// Every signed-in user's own account: who they are, a password change (other sessions end), and their own TOTP
// set-up. While an administrator requires TOTP and it is not on yet, this is the only page the console shows.
import { Card, PageTitle } from "../components/ui.tsx";
import { Time } from "../components/time.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { useT } from "../lib/i18n.tsx";
import { PasswordCard } from "./profile-password.tsx";
import { TotpCard } from "./profile-totp.tsx";
import type { PageProps } from "./types.ts";

const TFA: Record<"off" | "pending" | "on", MessageKey> = { off: "profile.tfaOff", pending: "profile.tfaPending", on: "profile.tfaOn" };

export function ProfilePage({ profile }: PageProps) {
  const t = useT();
  const rows: [string, React.ReactNode][] = [
    [t("profile.name"), profile.name],
    [t("profile.displayName"), profile.display_name || t("common.none")],
    [t("profile.email"), profile.email || t("common.none")],
    [t("profile.admin"), profile.is_admin ? t("common.yes") : t("common.no")],
    [t("profile.tfa"), t(TFA[profile.tfa])],
    ...(profile.tfa === "on" ? [[t("profile.recoveryLeft"), String(profile.recovery_codes_left)] as [string, string]] : []),
    [t("profile.sessionEnds"), <Time value={profile.session.expires_at} />],
  ];
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <PageTitle>{t("profile.title")}</PageTitle>
      {profile.totp_required && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">{t("profile.requiredTitle")}</p>
          <p>{t("profile.requiredText")}</p>
        </div>
      )}
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-sm text-zinc-600 dark:text-zinc-400">{k}</dt>
              <dd className="min-w-0 break-all">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <TotpCard profile={profile} />
      {profile.has_password && !profile.totp_required && <PasswordCard />}
    </div>
  );
}
