import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/** The interface speaks Simplified Chinese; English is one click away and remembered per browser. */
export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'hub.lang';

/** A page's messages: the Chinese text is the source; English must have exactly the same keys. */
export type Messages<K extends string> = { zh: Record<K, string>; en: Record<K, string> };
export const defineMessages = <K extends string>(zh: Record<K, string>, en: Record<K, string>): Messages<K> => ({ zh, en });

/** Fills `{name}` placeholders. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => undefined });

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // Storage can be unavailable (private windows): fall back to Chinese.
  }
  return 'zh';
}

export function LangProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = (): LangState => useContext(LangContext);

/** `t('key', { n: 3 })` in the current language. */
export function useT<K extends string>(messages: Messages<K>): (key: K, values?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback((key: K, values?: Record<string, string | number>) => format(messages[lang][key], values), [lang, messages]);
}

/** Dates and times as the users read them (Beijing time whatever the browser's zone). */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}
