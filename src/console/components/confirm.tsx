// Destructive actions ask first and name what they affect. A native <dialog>: focus is trapped and Escape cancels.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useT } from "../lib/i18n.tsx";
import { Button, ErrorText } from "./ui.tsx";

export function ConfirmButton(props: { label: string; title: string; children: ReactNode; confirm: string; onConfirm: () => Promise<unknown>; variant?: "danger" | "primary" | "secondary" }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  // Several on one page: each dialog is named by its own title.
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant={props.variant ?? "danger"} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold">
          {props.title}
        </h2>
        <div className="mb-4 text-sm">{props.children}</div>
        <ErrorText error={error} />
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button variant={props.variant ?? "danger"} disabled={busy} onClick={go}>
            {props.confirm}
          </Button>
        </div>
      </dialog>
    </>
  );
}
