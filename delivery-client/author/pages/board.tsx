import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ok, type Bank, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import type { StoredTestSummary } from './blueprint-types.ts';
import { PracticeTag } from './practice-tag.tsx';
import { SittingPanel } from './sitting-panel.tsx';
import { DEFAULT_SECURITY, SecurityFields, securityPolicyOf } from './sitting-security.tsx';
import { sittingWindow } from '../../shared/sitting-window.ts';
import { describeRefusal } from './refusals.ts';

type OverviewRow = components['schemas']['SittingOverviewRow'];
type Organisation = components['schemas']['Organisation'];

/** Forms generated together from one blueprint (two or more), offered as one choice: each candidate sits one. */
interface FormSet {
  value: string;
  title: string;
  tests: StoredTestSummary[];
}
const SET_PREFIX = 'set:';

function formSets(tests: StoredTestSummary[]): FormSet[] {
  const groups = new Map<string, StoredTestSummary[]>();
  for (const test of tests)
    if (test.group && test.formLabel) groups.set(test.group, [...(groups.get(test.group) ?? []), test]);
  return [...groups]
    .filter(([, members]) => members.length > 1)
    .map(([group, members]) => {
      const sorted = [...members].sort((a, b) => a.formLabel!.localeCompare(b.formLabel!));
      const first = sorted[0]!;
      // Blueprint forms are titled "<blueprint title> – <label>".
      const suffix = ` – ${first.formLabel}`;
      const title = first.title.endsWith(suffix) ? first.title.slice(0, -suffix.length) : first.title;
      return { value: `${SET_PREFIX}${group}`, title, tests: sorted };
    });
}

/** datetime-local value of a date in the browser's time zone. */
const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The exam board pages: schedule a sitting from a stored test, watch the open sittings, manage one. */
export function BoardPage({ bank }: { bank: Bank }) {
  const { t, lang } = useT();
  const [tests, setTests] = useState<StoredTestSummary[]>([]);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [overview, setOverview] = useState<OverviewRow[]>([]);
  const [testId, setTestId] = useState('');
  const [orgId, setOrgId] = useState('');
  const [name, setName] = useState('');
  const [opens, setOpens] = useState(() => localInput(new Date()));
  const [closes, setCloses] = useState(() => localInput(new Date(Date.now() + 3 * 3600_000)));
  const [duration, setDuration] = useState(45);
  const [security, setSecurity] = useState(DEFAULT_SECURITY);
  /** A practice sitting (luyện tập): scores are feedback, not grades (engine: `sittings.practice`). */
  const [practice, setPractice] = useState(false);
  const [managed, setManaged] = useState<string>();
  const sets = useMemo(() => formSets(tests), [tests]);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const refresh = useCallback(() => {
    ok(api.GET('/api/board/sittings'))
      .then((r) => setOverview(r.items))
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, []);
  useEffect(() => {
    ok(api.GET('/api/tests', { params: { query: { bankId: bank.id } } }))
      .then((r) => setTests(r.items))
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
    ok(api.GET('/api/organisations'))
      .then((r) => {
        setOrgs(r.items);
        setOrgId((current) => current || (r.items.find((o) => o.kind === 'school') ?? r.items[0])?.id || '');
      })
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
    refresh();
  }, [bank.id, refresh]);

  async function schedule() {
    setError('');
    setNotice('');
    try {
      // A stored test is delivered as written (its sections, rules and time limits); a form set as parallel forms.
      const set = sets.find((s) => s.value === testId);
      const single = tests.find((x) => x.id === testId);
      // Fields the engine has defaults for (grace time, scale, release policy) are left out.
      const created = await ok(
        api.POST('/api/sittings', {
          body: {
            organisationId: orgId,
            name: name.trim() || set?.title || single?.title || '',
            opensAt: new Date(opens).toISOString(),
            closesAt: new Date(closes).toISOString(),
            durationMinutes: duration,
            securityPolicy: securityPolicyOf(security),
            ...(practice ? { practice: true } : {}),
            ...(set ? { tests: set.tests.map((x) => ({ testId: x.id })) } : { test: { testId } }),
          },
        }),
      );
      setNotice(t(created.practice ? 'board.createdPractice' : 'board.created', { name: created.name }));
      setManaged(created.id);
      refresh();
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    }
  }

  const window = (r: OverviewRow) => sittingWindow(r.opensAt, r.closesAt, lang);
  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">{t('board.title')}</h2>
      <p>
        <a href="/proctor/">{t('board.proctorLink')}</a>
      </p>
      <section aria-labelledby="schedule-title" className="card">
        <h3 id="schedule-title">{t('board.schedule')}</h3>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            void schedule();
          }}
        >
          <label className="field grow">
            {t('board.test')}
            <select value={testId} onChange={(e) => setTestId(e.target.value)} required>
              <option value="">{t('board.chooseTest')}</option>
              {sets.length > 0 && (
                <optgroup label={t('board.formSets')}>
                  {sets.map((set) => (
                    <option key={set.value} value={set.value}>
                      {t('board.formSet', {
                        title: set.title,
                        n: set.tests.length,
                        labels: set.tests.map((x) => x.formLabel).join(', '),
                        items: set.tests[0]!.itemCount,
                      })}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('board.singleTests')}>
                {tests.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title} ({x.itemCount})
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <label className="field grow">
            {t('board.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            {t('board.school')}
            <select value={orgId} onChange={(e) => setOrgId(e.target.value)} required>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('board.opens')}
            <input type="datetime-local" value={opens} onChange={(e) => setOpens(e.target.value)} required />
          </label>
          <label className="field">
            {t('board.closes')}
            <input
              type="datetime-local"
              value={closes}
              onChange={(e) => setCloses(e.target.value)}
              required
            />
          </label>
          <label className="field">
            {t('board.duration')}
            <input
              type="number"
              min={1}
              max={600}
              value={duration}
              onChange={(e) => setDuration(Number(e.target.value) || 1)}
            />
          </label>
          <SecurityFields value={security} onChange={setSecurity} />
          <div className="check-with-help">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={practice}
                aria-describedby="board-practice-help"
                onChange={(e) => setPractice(e.target.checked)}
              />{' '}
              {t('board.practice')}
            </label>
            <span id="board-practice-help" className="muted small-text help-line">
              {t('board.practice.help')}
            </span>
          </div>
          <button type="submit" disabled={!testId || !orgId}>
            {t('board.create')}
          </button>
        </form>
      </section>
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
      </div>
      <section aria-labelledby="overview-title">
        <div className="row-head">
          <h3 id="overview-title">{t('board.overview')}</h3>
          <button type="button" className="secondary small" onClick={refresh}>
            {t('board.refresh')}
          </button>
        </div>
        {overview.length === 0 ? (
          <p className="muted">{t('board.noSittings')}</p>
        ) : (
          <table className="overview">
            <thead>
              <tr>
                <th scope="col">{t('board.col.sitting')}</th>
                <th scope="col">{t('board.col.window')}</th>
                <th scope="col">{t('board.col.scheduled')}</th>
                <th scope="col">{t('board.col.checkedIn')}</th>
                <th scope="col">{t('board.col.inProgress')}</th>
                <th scope="col">{t('board.col.submitted')}</th>
                <th scope="col">{t('board.col.incidents')}</th>
                <th scope="col">
                  <span className="sr-only">{t('browse.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.map((r) => (
                <tr key={r.id} className={managed === r.id ? 'selected' : undefined}>
                  <th scope="row">
                    {r.name}
                    {r.practice && <PracticeTag />}
                  </th>
                  <td>{window(r)}</td>
                  <td>{r.counts.scheduled ?? 0}</td>
                  <td>{r.counts.checked_in ?? 0}</td>
                  <td>{(r.counts.in_progress ?? 0) + (r.counts.paused ?? 0)}</td>
                  <td>{(r.counts.submitted ?? 0) + (r.counts.scored ?? 0)}</td>
                  <td className={r.incidents ? 'warn' : undefined}>{r.incidents}</td>
                  <td>
                    <button type="button" className="small secondary" onClick={() => setManaged(r.id)}>
                      {t('board.manage', { name: r.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {managed && <SittingPanel key={managed} sittingId={managed} onChanged={refresh} />}
    </section>
  );
}
