/** Message catalogues and a small hook: Vietnamese by default, English switchable, choice kept in localStorage. */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages/en.ts';
import { vi, type MessageKey } from './messages/vi.ts';

export type Language = 'vi' | 'en';
const catalogues: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const I18n = createContext<{ lang: Language; t: Translate; setLang(lang: Language): void }>({
  lang: 'vi',
  t: (key) => vi[key],
  setLang: () => {},
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() =>
    localStorage.getItem('lang') === 'en' ? 'en' : 'vi',
  );
  const value = useMemo(() => {
    const t: Translate = (key, values) =>
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

export const useI18n = () => useContext(I18n);
export type { MessageKey };
