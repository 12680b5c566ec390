// First run: the setup code from the server's log (or <data dir>/setup-code) creates the first administrator.
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, ErrorText, Field } from "../components/ui.tsx";
import { post } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";
import { PROFILE_KEY, type Profile } from "../lib/session.ts";

export function Setup() {
  const t = useT();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const email = String(f.get("email") ?? "");
      const reply = await post<{ profile: Profile }>("/api/admin/setup", { setup_code: String(f.get("code") ?? "").trim(), name: f.get("name"), password: f.get("password"), ...(email ? { email } : {}) });
      qc.setQueryData(["setup-status"], { needs_setup: false });
      qc.setQueryData(PROFILE_KEY, reply.profile);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-700 dark:bg-zinc-800">
      <h1 className="mb-2 text-xl font-semibold">{t("setup.title")}</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("setup.intro")}</p>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <Field id="code" name="code" label={t("setup.code")} autoComplete="off" required autoFocus />
        <Field id="name" name="name" label={t("setup.name")} autoComplete="username" required />
        <Field id="email" name="email" type="email" label={t("setup.email")} autoComplete="email" />
        <Field id="password" name="password" type="password" label={t("setup.password")} autoComplete="new-password" required />
        <ErrorText error={error} />
        <Button type="submit" disabled={busy}>
          {t("setup.submit")}
        </Button>
      </form>
    </div>
  );
}
