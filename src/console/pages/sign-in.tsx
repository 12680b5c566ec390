// Sign-in: user name or e-mail and password, then the TOTP or e-mailed code when the account has one; SSO
// buttons for the configured providers. Back to the page asked for afterwards.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearch } from "wouter";
import { Button, ErrorText, Field } from "../components/ui.tsx";
import { get, post } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { PROFILE_KEY, safeNext, type Profile } from "../lib/session.ts";

/** The password step's reply: signed in, or a second step with the challenge to answer. */
type LoginReply = { status: "signed_in"; profile: Profile } | { status: "second_step"; method: "totp" | "email"; secret: string; email?: string };
type Challenge = { method: "totp" | "email"; secret?: string; email?: string };
type Options = { password: boolean; sso: { name: string; label: string; url: string }[] };

export function SignIn({ expired = false }: { expired?: boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const search = new URLSearchParams(useSearch());
  const next = safeNext(search.get("next"));
  // After an SSO sign-in whose account has TOTP, the callback sends the browser here; the challenge is in a cookie.
  const [challenge, setChallenge] = useState<Challenge | null>(search.get("second_step") === "totp" ? { method: "totp" } : null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const options = useQuery({ queryKey: ["login-options"], queryFn: () => get<Options>("/api/admin/login/options"), staleTime: Infinity });
  const sso = options.data?.sso ?? [];

  const done = (reply: LoginReply) => {
    if (reply.status === "second_step") return setChallenge({ method: reply.method, secret: reply.secret, email: reply.email });
    qc.setQueryData(PROFILE_KEY, reply.profile);
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      if (challenge) done(await post<LoginReply>("/api/admin/login", { ...(challenge.secret ? { secret: challenge.secret } : {}), code: String(form.get("code") ?? "").trim() }));
      else done(await post<LoginReply>("/api/admin/login", { login: form.get("login"), password: form.get("password") }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-700 dark:bg-zinc-800">
      <h1 className="mb-4 text-xl font-semibold">{t("signIn.title")}</h1>
      {expired && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {t("signIn.expired")}
        </p>
      )}
      <form onSubmit={submit} className="flex flex-col gap-4">
        {challenge ? (
          <Field
            key="code"
            id="code"
            name="code"
            label={t("signIn.code")}
            hint={challenge.method === "totp" ? t("signIn.codeTotp") : t("signIn.codeEmail", { email: challenge.email ?? "" })}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
          />
        ) : (
          <>
            <Field id="login" name="login" label={t("signIn.user")} autoComplete="username" required autoFocus />
            <Field id="password" name="password" type="password" label={t("signIn.password")} autoComplete="current-password" required />
          </>
        )}
        <ErrorText error={error} />
        <Button type="submit" disabled={busy}>
          {t(challenge ? "signIn.verify" : "signIn.submit")}
        </Button>
        {challenge && (
          <Button variant="secondary" onClick={() => setChallenge(null)}>
            {t("signIn.back")}
          </Button>
        )}
      </form>
      {!challenge && sso.length > 0 && (
        <div className="mt-4 flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-700">
          {sso.map((p) => (
            <a
              key={p.name}
              href={`${p.url}${p.url.includes("?") ? "&" : "?"}next=${encodeURIComponent(`/console${next === "/" ? "/" : next}`)}`}
              className="rounded-md border border-zinc-300 px-3 py-2 text-center text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:hover:bg-zinc-700"
            >
              {t("signIn.sso", { name: p.label })}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
