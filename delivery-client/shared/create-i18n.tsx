/**
 * Message catalogues for one app: Vietnamese by default, English switchable, the choice kept in
 * localStorage (shared by the candidate and authoring apps, each with its own catalogues).
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Language = 'vi' | 'en';
export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

export function createI18n<K extends string>(vi: Record<K, string>, en: Record<K, string>) {
  const catalogues: Record<Language, Record<K, string>> = { vi, en };
  const I18n = createContext<{ lang: Language; t: Translate<K>; setLang(lang: Language): void }>({
    lang: 'vi',
    t: (key) => vi[key],
    setLang: () => {},
  });

  function I18nProvider({ children }: { children: ReactNode }) {
    const [lang, setLangState] = useState<Language>(() =>
      localStorage.getItem('lang') === 'en' ? 'en' : 'vi',
    );
    const value = useMemo(() => {
      const t: Translate<K> = (key, values) =>
        (catalogues[lang][key] ?? vi[key]).replace(/\{(\w+)\}/g, (_, name: string) =>
          String(values?.[name] ?? `{${name}}`),
        );
      return {
        lang,
        t,
        setLang(next: Language) {
          localStorage.setItem('lang', next);
          document.documentElement.lang = next;
          setLangState(next);
        },
      };
    }, [lang]);
    return <I18n.Provider value={value}>{children}</I18n.Provider>;
  }

  return { I18nProvider, useI18n: () => useContext(I18n) };
}
