// Change one's own password: the current one first; the server ends every other session of the user.
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button, Card, ErrorText, Field } from "../components/ui.tsx";
import { put } from "../lib/api.ts";
import { useT } from "../lib/i18n.tsx";

export function PasswordCard() {
  const t = useT();
  const change = useMutation({ mutationFn: (body: { current_password: string; new_password: string }) => put<{ changed: boolean; sessions_revoked: number }>("/api/admin/password", body) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    change.mutate({ current_password: String(f.get("current") ?? ""), new_password: String(f.get("new") ?? "") }, { onSuccess: () => form.reset() });
  };
  return (
    <Card title={t("profile.password")}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <Field id="current-password" name="current" type="password" label={t("profile.currentPassword")} autoComplete="current-password" required />
        <Field id="new-password" name="new" type="password" label={t("profile.newPassword")} autoComplete="new-password" required />
        <ErrorText error={change.error} />
        {change.data && (
          <p role="status" className="text-sm text-green-800 dark:text-green-300">
            {t("profile.passwordChanged", { n: change.data.sessions_revoked })}
          </p>
        )}
        <div>
          <Button type="submit" disabled={change.isPending}>
            {t("profile.changePassword")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
