// One's own TOTP: a new secret as a QR code (the server's SVG, shown as an image: never injected as markup) and as
// text, confirmed with a first code; the recovery codes are shown this once. Turning it off takes a current code.
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyText } from "../components/copy.tsx";
import { Button, Card, ErrorText, Field } from "../components/ui.tsx";
import { del, post } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { PROFILE_KEY, type Profile } from "../lib/session.ts";

type Begun = { secret: string; otpauth_url: string; qr_svg: string };

export function TotpCard({ profile }: { profile: Profile }) {
  const t = useT();
  const qc = useQueryClient();
  const [begun, setBegun] = useState<Begun | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const codeOf = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return String(new FormData(e.currentTarget).get("code") ?? "").trim();
  };
  const begin = () => run(async () => setBegun(await post<Begun>("/api/admin/profile/totp")));
  const confirm = (e: FormEvent<HTMLFormElement>) => {
    const code = codeOf(e);
    void run(async () => {
      const r = await post<{ recovery_codes: string[]; profile: Profile }>("/api/admin/profile/totp/confirm", { code });
      setCodes(r.recovery_codes);
      setBegun(null);
      qc.setQueryData(PROFILE_KEY, r.profile);
    });
  };
  const turnOff = (e: FormEvent<HTMLFormElement>) => {
    const code = codeOf(e);
    void run(async () => {
      const r = await del<{ profile: Profile }>("/api/admin/profile/totp", { code });
      qc.setQueryData(PROFILE_KEY, r.profile);
    });
  };

  return (
    <Card title={t("profile.totp")}>
      <div className="flex flex-col gap-3">
        {codes ? (
          <>
            <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">{t("profile.totpOn")}</p>
            <p className="text-sm">{t("profile.recoveryIntro")}</p>
            <ul aria-label={t("profile.recoveryCodes")} className="grid grid-cols-2 gap-1 font-mono text-sm">
              {codes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(codes.join("\n")).then(() => setCopied(true))}>
                {t(copied ? "copy.done" : "profile.copyCodes")}
              </Button>
              <Button variant="secondary" onClick={() => setCodes(null)}>{t("profile.recoverySaved")}</Button>
            </div>
          </>
        ) : begun ? (
          <>
            <p className="text-sm">{t("profile.scan")}</p>
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(begun.qr_svg)}`} alt={t("profile.qr")} className="size-48 rounded bg-white p-2" />
            <p className="text-sm">{t("profile.orType")}</p>
            <CopyText text={begun.secret} label={t("profile.secret")} />
            <form onSubmit={confirm} className="flex flex-col gap-3">
              <Field id="totp-code" name="code" label={t("profile.code")} inputMode="numeric" autoComplete="one-time-code" required />
              <ErrorText error={error} />
              <div className="flex gap-2">
                <Button type="submit" disabled={busy}>{t("profile.confirm")}</Button>
                <Button variant="secondary" onClick={() => setBegun(null)}>{t("common.cancel")}</Button>
              </div>
            </form>
          </>
        ) : profile.tfa === "on" ? (
          <form onSubmit={turnOff} className="flex flex-col gap-3">
            <p className="text-sm">{t("profile.totpIsOn")}</p>
            <Field id="totp-off-code" name="code" label={t("profile.codeOrRecovery")} autoComplete="one-time-code" required />
            <ErrorText error={error} />
            <div>
              <Button type="submit" variant="danger" disabled={busy}>{t("profile.turnOff")}</Button>
            </div>
          </form>
        ) : (
          <>
            <p className="text-sm">{t("profile.totpIntro")}</p>
            <ErrorText error={error} />
            <div>
              <Button onClick={begin} disabled={busy}>{t("profile.setUp")}</Button>
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
