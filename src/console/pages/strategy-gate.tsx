// Before saving a change that points devices at other servers (or stops their service): what each key will do,
// in the lint's words, and the risk; confirming sends the flag the API asks for.
import { useEffect, useRef, useState } from "react";
import { Button, ErrorText } from "../components/ui.tsx";
import { useT } from "../lib/i18n.tsx";
import type { gatedChanges, Issue } from "../lib/strategies.ts";

export function GateDialog({ gated, issues, onCancel, onConfirm }: { gated: ReturnType<typeof gatedChanges>; issues: Issue[]; onCancel: () => void; onConfirm: () => Promise<unknown> }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = gated.length > 0;
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
    setError(null);
  }, [open]);
  const go = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} onClose={onCancel} aria-labelledby="gate-title" className="m-auto w-full max-w-lg rounded-lg border border-amber-400 bg-white p-6 text-zinc-900 backdrop:bg-black/40 dark:bg-zinc-800 dark:text-zinc-100">
      <h2 id="gate-title" className="mb-2 text-lg font-semibold">
        {t("strategy.gateTitle")}
      </h2>
      <p className="mb-3 text-sm">{t("strategy.gateText")}</p>
      <ul className="mb-3 list-disc pl-5 text-sm">
        {gated.map((g) => (
          <li key={g.key}>
            <span className="font-mono font-semibold">{g.key}</span>: {issues.find((i) => i.key === g.key)?.message ?? ""}
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button variant="danger" disabled={busy} onClick={go}>
          {t("strategy.gateConfirm")}
        </Button>
      </div>
    </dialog>
  );
}
