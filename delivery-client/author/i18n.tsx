/** The authoring pages' message catalogues: Vietnamese by default, English switchable (kept in localStorage). */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { authorEn } from '../shared/messages/author-en.ts';
import { authorVi, type AuthorMessageKey } from '../shared/messages/author-vi.ts';

export type Language = 'vi' | 'en';
export type Translate = (key: AuthorMessageKey, values?: Record<string, string | number>) => string;
const catalogues: Record<Language, Record<AuthorMessageKey, string>> = { vi: authorVi, en: authorEn };

const I18n = createContext<{ lang: Language; t: Translate; setLang(lang: Language): void }>({
  lang: 'vi',
  t: (key) => authorVi[key],
  setLang: () => {},
});

export function AuthorI18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() =>
    localStorage.getItem('lang') === 'en' ? 'en' : 'vi',
  );
  const value = useMemo(() => {
    const t: Translate = (key, values) =>
      (catalogues[lang][key] ?? authorVi[key]).replace(/\{(\w+)\}/g, (_, name: string) =>
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

export const useT = () => useContext(I18n);
export type { AuthorMessageKey };
