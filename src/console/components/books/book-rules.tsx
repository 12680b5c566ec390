// Who may use a shared book: one rule per user, group or everyone, each read, rw or full. A user's own rule wins
// over their group's, which wins over everyone's; the owner and administrators always have full control.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { getRules, removeRule, setRule, subjectOf, type Permission, type Rule, type Subject } from "../../lib/address-books.ts";
import { useT } from "../../lib/i18n.tsx";
import { ConfirmButton } from "../confirm.tsx";
import { control, Select } from "../controls.tsx";
import { Button, Card, Empty, ErrorText } from "../ui.tsx";
import { NameOptions } from "./name-options.tsx";

const PERMISSIONS: Permission[] = ["read", "rw", "full"];

export function BookRules({ book }: { book: string }) {
  const t = useT();
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ["ab-rules", book], queryFn: () => getRules(book) });
  const [kind, setKind] = useState<"user" | "group" | "everyone">("user");
  const [error, setError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ["ab-rules", book] });
  const run = async (act: () => Promise<unknown>) => {
    setError(null);
    try {
      await act();
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const who = (r: Rule) => (r.user !== null ? t("books.ruleUser", { name: r.user }) : r.group !== null ? t("books.ruleGroup", { name: r.group }) : t("books.everyone"));
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const name = String(f.get("subject") ?? "").trim();
    const subject: Subject = kind === "everyone" ? { everyone: true } : kind === "user" ? { user: name } : { group: name };
    const form = e.currentTarget;
    return run(async () => {
      await setRule(book, subject, f.get("permission") as Permission);
      form.reset();
    });
  };
  return (
    <Card title={t("books.rules")}>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("books.rulesHint")}</p>
      <ErrorText error={rules.error ?? error} />
      <ul className="mb-3 flex flex-col divide-y divide-zinc-200 dark:divide-zinc-700" aria-label={t("books.rules")}>
        {rules.data?.data.map((r) => (
          <li key={r.guid} className="flex flex-wrap items-center gap-2 py-2">
            <span className="min-w-40 flex-1 text-sm">{who(r)}</span>
            <label className="flex items-center gap-2 text-sm">
              <span className="sr-only">{t("books.permissionOf", { who: who(r) })}</span>
              <select className={control} value={r.permission} onChange={(e) => run(() => setRule(book, subjectOf(r), e.target.value as Permission))}>
                {PERMISSIONS.map((p) => <option key={p} value={p}>{t(`books.perm.${p}`)}</option>)}
              </select>
            </label>
            <ConfirmButton label={t("books.removeRule")} title={t("books.removeRuleTitle", { who: who(r) })} confirm={t("books.removeRule")} onConfirm={async () => { await removeRule(book, subjectOf(r)); await refresh(); }}>
              {t("books.removeRuleText", { who: who(r), book })}
            </ConfirmButton>
          </li>
        ))}
      </ul>
      {rules.isSuccess && rules.data.data.length === 0 && <Empty>{t("books.noRules")}</Empty>}
      <form onSubmit={add} className="flex flex-wrap items-end gap-2">
        <Select label={t("books.ruleFor")} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="user">{t("books.kind.user")}</option>
          <option value="group">{t("books.kind.group")}</option>
          <option value="everyone">{t("books.everyone")}</option>
        </Select>
        {kind !== "everyone" && (
          <label className="flex flex-col gap-1 text-sm font-medium">
            {kind === "user" ? t("books.userName") : t("books.groupName")}
            <input name="subject" required list={`rule-${kind}s`} autoComplete="off" className={`${control} font-normal`} />
            <NameOptions id={`rule-${kind}s`} of={kind === "user" ? "users" : "groups"} />
          </label>
        )}
        <Select label={t("books.permission")} name="permission" defaultValue="read">
          {PERMISSIONS.map((p) => <option key={p} value={p}>{t(`books.perm.${p}`)}</option>)}
        </Select>
        <Button type="submit">{t("books.addRule")}</Button>
      </form>
    </Card>
  );
}
