/**
 * The flag thresholds of a sitting's item analysis (`PUT /api/reports/sittings/{id}/flag-thresholds`):
 * lowest and highest facility, lowest corrected item-total correlation and upper-lower index, and
 * the fewest candidates an item must have before it is flagged (a whole number).
 */
import { useState } from 'react';
import { useT } from '../i18n.tsx';
import type { FlagThresholds } from './analysis-report.ts';

const FIELDS = [
  { key: 'minP', label: 'sit.an.minP', min: 0, max: 1 },
  { key: 'maxP', label: 'sit.an.maxP', min: 0, max: 1 },
  { key: 'minPointBiserial', label: 'sit.an.minRpb', min: -1, max: 1 },
  { key: 'minUpperLower', label: 'sit.an.minD', min: -1, max: 1 },
  { key: 'minSample', label: 'sit.an.minSample', min: 1, max: 100_000 },
] as const;

export function AnalysisThresholds({
  thresholds,
  busy,
  onSave,
}: {
  thresholds: FlagThresholds;
  busy: boolean;
  onSave(thresholds: FlagThresholds): void;
}) {
  const { t, lang } = useT();
  // Typed as text in the page language's decimals (0,2 in Vietnamese); both 0,2 and 0.2 are read.
  const shown = (x: number) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
  const [values, setValues] = useState<Record<keyof FlagThresholds, string>>(() => ({
    minP: shown(thresholds.minP),
    maxP: shown(thresholds.maxP),
    minPointBiserial: shown(thresholds.minPointBiserial),
    minUpperLower: shown(thresholds.minUpperLower),
    minSample: String(thresholds.minSample),
  }));
  /** A typed value; a comma decimal (0,75) is read like 0.75, anything else as not a number. */
  const read = (key: keyof FlagThresholds) =>
    /^\s*-?\d+([.,]\d+)?\s*$/.test(values[key]) ? Number(values[key].replace(',', '.')) : NaN;
  const parsed: FlagThresholds = {
    minP: read('minP'),
    maxP: read('maxP'),
    minPointBiserial: read('minPointBiserial'),
    minUpperLower: read('minUpperLower'),
    minSample: /^\s*\d+\s*$/.test(values.minSample) ? Number(values.minSample) : NaN,
  };
  const fieldValid = (f: (typeof FIELDS)[number]) =>
    parsed[f.key] >= f.min && parsed[f.key] <= f.max && (f.key !== 'minP' || parsed.minP < parsed.maxP);
  const valid = FIELDS.every(fieldValid);

  return (
    <form
      className="filters analysis-thresholds"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onSave(parsed);
      }}
    >
      <fieldset>
        <legend>{t('sit.an.thresholds')}</legend>
        <div className="inline-fields">
          {FIELDS.map((f) => (
            <label key={f.key} className="field">
              {t(f.label)}
              <input
                type="text"
                inputMode={f.key === 'minSample' ? 'numeric' : 'decimal'}
                size={6}
                required
                aria-invalid={!fieldValid(f)}
                value={values[f.key]}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              />
            </label>
          ))}
          <button type="submit" disabled={busy || !valid}>
            {t('sit.an.saveThresholds')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
