// Message catalogues: a typed key → text lookup with {name} placeholders. English and Simplified Chinese are
// complete (the Catalogue type fails the build on a missing key). The choice is remembered in localStorage.
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { en, type Catalogue, type MessageKey } from "../i18n/en.ts";
import { zhCN } from "../i18n/zh-CN.ts";
import { format } from "./format.ts";

export const LANGUAGES = { en: { label: "English", messages: en }, "zh-CN": { label: "简体中文", messages: zhCN } } as const;
export type Language = keyof typeof LANGUAGES;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function initialLanguage(): Language {
  const saved = localStorage.getItem("rdconsole.lang");
  if (saved && saved in LANGUAGES) return saved as Language;
  return navigator.languages.some((l) => l.toLowerCase().startsWith("zh")) ? "zh-CN" : "en";
}

type I18n = { lang: Language; t: Translate; setLang: (l: Language) => void };
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState(initialLanguage);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = lang;
    return {
      lang,
      t: (key, vars) => format(LANGUAGES[lang].messages, key, vars),
      setLang: (l) => {
        localStorage.setItem("rdconsole.lang", l);
        setLangState(l);
      },
    };
  }, [lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
export const useT = () => useI18n().t;
