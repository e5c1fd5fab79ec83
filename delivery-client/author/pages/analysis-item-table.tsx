/**
 * The item table of a sitting's analysis: facility, corrected item-total correlation, upper-lower
 * index, alpha if deleted, option shares (key marked) and flags. A flagged row is marked (a
 * coloured edge and "Cần xem lại") and says why, with the figure and the threshold it crossed.
 */
import { useT } from '../i18n.tsx';
import type { AnalysisReport, ItemFigures, ItemFlag } from './analysis-report.ts';
import { useStatFormat } from './item-statistics-panel.tsx';

export function AnalysisItemTable({ report }: { report: AnalysisReport }) {
  const { t } = useT();
  const f = useStatFormat();
  const num = (x: number | null | undefined) =>
    typeof x === 'number' && Number.isFinite(x) ? f.decimal(x) : '–';
  const share = (x: number | null | undefined) =>
    typeof x === 'number' && Number.isFinite(x) ? f.percent(x) : '–';
  const th = report.thresholds;
  const reason = (item: ItemFigures, flag: ItemFlag) =>
    t(`sit.an.flag.${flag}`, {
      p: num(item.p),
      r: num(item.pointBiserialCorrected),
      d: num(item.upperLower),
      min: num(
        flag === 'too_hard' ? th.minP : flag === 'low_upper_lower' ? th.minUpperLower : th.minPointBiserial,
      ),
      max: num(th.maxP),
    });

  return (
    <table className="analysis-items">
      <caption className="sr-only">{t('sit.an.itemsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sit.an.col.item')}</th>
          <th scope="col">{t('sit.an.col.n')}</th>
          <th scope="col">{t('sit.an.col.p')}</th>
          <th scope="col">{t('sit.an.col.rpb')}</th>
          <th scope="col">{t('sit.an.col.d')}</th>
          <th scope="col">{t('sit.an.col.alphaIfDeleted')}</th>
          <th scope="col">{t('sit.an.col.options')}</th>
          <th scope="col">{t('sit.an.col.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {report.items.map((item) => {
          const flagged = item.flags.length > 0;
          return (
            <tr key={item.item} className={flagged ? 'flagged' : undefined}>
              <th scope="row">{report.itemTitles[item.item] ?? item.item}</th>
              <td className="num">{item.n}</td>
              <td
                className={`num${item.flags.some((x) => x === 'too_hard' || x === 'too_easy') ? ' warn' : ''}`}
              >
                {num(item.p)}
              </td>
              <td
                className={`num${item.flags.some((x) => x === 'low_discrimination' || x === 'negative_discrimination') ? ' warn' : ''}`}
              >
                {num(item.pointBiserialCorrected)}
              </td>
              <td className={`num${item.flags.includes('low_upper_lower') ? ' warn' : ''}`}>
                {num(item.upperLower)}
              </td>
              <td className="num">{num(item.alphaIfDeleted)}</td>
              <td>
                {item.options?.length ? (
                  <ul className="option-shares">
                    {item.options.map((o) => {
                      const label = o.option === '(omitted)' ? t('sit.an.omitted') : o.option;
                      const odd =
                        o.problem === 'distractor_attracts_upper' || o.problem === 'key_chosen_less_by_upper';
                      return (
                        <li key={o.option} className={o.key ? 'key' : undefined}>
                          {o.key ? t('sit.an.key', { option: label }) : label} {share(o.proportion)}
                          {odd && <span className="option-problem"> ({t('sit.an.optionProblem')})</span>}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  '–'
                )}
              </td>
              <td>
                {flagged ? (
                  <>
                    <span className="badge flag">
                      <span aria-hidden="true">⚑ </span>
                      {t('sit.an.flagged')}
                    </span>
                    <ul className="flag-reasons">
                      {item.flags.map((flag) => (
                        <li key={flag}>{reason(item, flag)}</li>
                      ))}
                    </ul>
                  </>
                ) : item.n < th.minSample ? (
                  <span className="muted">{t('sit.an.tooFew', { min: th.minSample })}</span>
                ) : (
                  <span className="muted">{t('sit.an.ok')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
