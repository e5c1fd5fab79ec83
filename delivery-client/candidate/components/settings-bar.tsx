/** Language, contrast and text size, available on every page. */
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';

const SIZES = ['', 'font-large', 'font-xlarge'] as const;

export function SettingsBar() {
  const { t, lang, setLang } = useI18n();
  const [contrast, setContrast] = useState(() => localStorage.getItem('contrast') === 'high');
  const [size, setSize] = useState(() => Number(localStorage.getItem('fontSize') ?? 0));
  useEffect(() => {
    document.documentElement.classList.toggle('high-contrast', contrast);
    localStorage.setItem('contrast', contrast ? 'high' : 'normal');
  }, [contrast]);
  useEffect(() => {
    SIZES.forEach((s) => s && document.documentElement.classList.remove(s));
    const cls = SIZES[size];
    if (cls) document.documentElement.classList.add(cls);
    localStorage.setItem('fontSize', String(size));
  }, [size]);
  return (
    <div className="toolbar settings-bar" style={{ justifyContent: 'flex-end', padding: '0.4rem 1rem' }}>
      <button
        type="button"
        onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        lang={lang === 'vi' ? 'en' : 'vi'}
      >
        {t('lang.switch')}
      </button>
      <button type="button" aria-pressed={contrast} onClick={() => setContrast(!contrast)}>
        {t('a11y.contrast')}
      </button>
      <button
        type="button"
        aria-label={`${t('a11y.fontSize')} A+`}
        onClick={() => setSize((size + 1) % SIZES.length)}
      >
        A+
      </button>
    </div>
  );
}
