// Adding people: create an account (password optional: SSO, or set one later), or invite by e-mail (Pro's
// invitation route; it needs [smtp], and the API's refusal is shown as worded when it is not configured).
import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { Button, ErrorText, Field } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import { createUser, inviteUser } from "../lib/users.ts";
import { selectClass } from "./users-shared.ts";

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/** Folded away by default, so the list comes first (there is always someone to list: the administrator). */
export function NewUser({ groups, onDone }: { groups: string[]; onDone: () => void }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"create" | "invite">("create");
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    setError(null);
    setNotice("");
    try {
      if (mode === "invite") {
        await inviteUser({ name: text("name"), email: text("email"), ...(text("group") ? { group_name: text("group") } : {}) });
        setNotice(t("users.invited.sent", { email: text("email") }));
        form.reset();
        onDone();
        return;
      }
      const u = await createUser({
        name: text("name"),
        ...(text("email") ? { email: text("email") } : {}),
        ...(text("display_name") ? { display_name: text("display_name") } : {}),
        ...(String(f.get("password") ?? "") ? { password: String(f.get("password")) } : {}),
        is_admin: f.get("is_admin") === "on",
      });
      onDone();
      navigate(`/users/${encodeURIComponent(u.name)}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-700 dark:bg-zinc-800">
      <summary className={`cursor-pointer text-sm font-semibold ${focus}`}>{t("users.new")}</summary>
      <form onSubmit={submit} className="mt-3 flex flex-col gap-3">
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 font-medium">{t("users.how")}</legend>
          {(["create", "invite"] as const).map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(m === "create" ? "users.create" : "users.invite")}
            </label>
          ))}
        </fieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field id="new-name" name="name" label={t("users.name")} required maxLength={128} autoComplete="off" />
          <Field id="new-email" name="email" type="email" label={t("users.email")} required={mode === "invite"} maxLength={254} autoComplete="off" />
          {mode === "create" ? (
            <>
              <Field id="new-display" name="display_name" label={t("users.displayName")} maxLength={128} autoComplete="off" />
              <Field id="new-password" name="password" type="password" label={t("users.password")} hint={t("users.passwordHint")} maxLength={1024} autoComplete="new-password" />
            </>
          ) : (
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("users.group")}
              <select name="group" defaultValue="" className={`font-normal ${selectClass}`}>
                <option value="">{t("users.defaultGroup")}</option>
                {groups.map((g) => <option key={g} value={g}>{g}</option>)}
              </select>
            </label>
          )}
        </div>
        {mode === "create" && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="is_admin" />
            {t("users.makeAdmin")}
          </label>
        )}
        {mode === "invite" && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("users.inviteHint")}</p>}
        <ErrorText error={error} />
        {notice && <p role="status" className="text-sm text-green-800 dark:text-green-300">{notice}</p>}
        <div>
          <Button type="submit">{t(mode === "create" ? "users.create" : "users.sendInvite")}</Button>
        </div>
      </form>
    </details>
  );
}
