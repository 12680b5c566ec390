// The signed-in frame: a sidebar on wide screens, a menu button at phone width; language switch; sign-out.
import { useQueryClient } from "@tanstack/react-query";
import { LogOut, Menu } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { post } from "../lib/api.ts";
import { LANGUAGES, useI18n, type Language } from "../lib/i18n.tsx";
import { PROFILE_KEY, type Profile } from "../lib/session.ts";
import { PAGES } from "../pages/index.ts";

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export function Layout({ profile, children }: { profile: Profile; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const signOut = async () => {
    await post("/api/admin/logout").catch(() => {});
    qc.setQueryData(PROFILE_KEY, null);
  };
  const shown = (path: string, admin: boolean) => (profile.totp_required ? path === "/profile" : profile.is_admin || !admin);
  const items = PAGES.flatMap((p) => (p.nav && shown(p.path, p.admin) ? [{ href: p.path, ...p.nav }] : []));
  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 md:flex dark:bg-zinc-900 dark:text-zinc-100">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("app.skip")}
      </a>
      <header className="flex items-center justify-between border-b border-zinc-200 bg-white px-4 py-3 md:hidden dark:border-zinc-700 dark:bg-zinc-800">
        <span className="font-semibold">{t("app.name")}</span>
        <button type="button" aria-expanded={open} aria-controls="nav" onClick={() => setOpen(!open)} className={`rounded p-1 ${focus}`}>
          <Menu aria-hidden size={22} />
          <span className="sr-only">{t("nav.menu")}</span>
        </button>
      </header>
      <nav id="nav" aria-label={t("nav.menu")} className={`${open ? "block" : "hidden"} w-full shrink-0 border-r border-zinc-200 bg-white p-3 md:block md:w-56 dark:border-zinc-700 dark:bg-zinc-800`}>
        <p className="mb-4 hidden px-2 text-lg font-semibold md:block">{t("app.name")}</p>
        <ul className="flex flex-col gap-1">
          {items.map(({ href, label, icon: Icon }) => {
            const active = href === "/" ? location === "/" : location.startsWith(href);
            return (
              <li key={href}>
                <Link
                  href={href}
                  onClick={() => setOpen(false)}
                  aria-current={active ? "page" : undefined}
                  className={`flex items-center gap-2 rounded-md px-2 py-2 text-sm ${active ? "bg-blue-50 font-medium text-blue-800 dark:bg-blue-950 dark:text-blue-200" : "hover:bg-zinc-100 dark:hover:bg-zinc-700"} ${focus}`}
                >
                  <Icon aria-hidden size={18} />
                  {t(label)}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-6 flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-700">
          <p className="px-2 text-sm text-zinc-600 dark:text-zinc-400">{profile.name}</p>
          <label className="flex flex-col gap-1 px-2 text-sm">
            <span>{t("nav.language")}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Language)} className={`rounded border border-zinc-300 bg-white p-1 dark:border-zinc-600 dark:bg-zinc-900 ${focus}`}>
              {Object.entries(LANGUAGES).map(([code, l]) => (
                <option key={code} value={code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={signOut} className={`flex items-center gap-2 rounded-md px-2 py-2 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-700 ${focus}`}>
            <LogOut aria-hidden size={18} />
            {t("nav.signOut")}
          </button>
        </div>
      </nav>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
