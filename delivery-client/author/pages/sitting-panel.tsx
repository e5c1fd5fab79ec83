import { useCallback, useEffect, useState } from 'react';
import { api, ok, rawBody, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import { download } from './download.ts';
import { PracticeTag } from './practice-tag.tsx';
import { RescoreSitting } from './marking-rescore.tsx';
import { SittingAccessCode } from './sitting-access-code.tsx';
import { SittingAnalysis } from './sitting-analysis.tsx';
import { SittingCandidateTable, type SittingCandidateRow } from './sitting-candidate-table.tsx';
import { SittingMarkers } from './sitting-markers.tsx';
import { SittingRosterUpload } from './sitting-roster-upload.tsx';
import { SecuritySummary } from './sitting-security.tsx';
import { describeRefusal } from './refusals.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type SittingDetail = components['schemas']['Sitting'];
/** Results of one parallel form (`GET /api/reports/sittings/{id}/forms`). */
type FormResults = components['schemas']['FormComparison']['forms'][number];

/**
 * One sitting: rooms with access codes (and the sitting-wide code) and proctors, roster import and
 * enrolment (by class or from a roster file), candidates' accommodations, the marking team, PDFs,
 * results and the item analysis.
 */
export function SittingPanel({ sittingId, onChanged }: { sittingId: string; onChanged(): void }) {
  const { t, lang } = useT();
  const [sitting, setSitting] = useState<SittingDetail>();
  const [candidates, setCandidates] = useState<SittingCandidateRow[]>([]);
  const [byForm, setByForm] = useState<FormResults[]>([]);
  const [proctors, setProctors] = useState<components['schemas']['User'][]>([]);
  const [classes, setClasses] = useState<components['schemas']['Class'][]>([]);
  const [roomName, setRoomName] = useState('');
  const [proctorId, setProctorId] = useState('');
  const [classId, setClassId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [extra, setExtra] = useState(0);
  const [roster, setRoster] = useState<File>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    const path = { id: sittingId };
    const [detail, sessions] = await Promise.all([
      ok(api.GET('/api/sittings/{id}', { params: { path } })),
      ok(api.GET('/api/sittings/{id}/sessions', { params: { path } })),
    ]);
    setSitting(detail);
    setCandidates(sessions.items);
    if (detail.forms.length > 1)
      setByForm(
        (
          await ok(api.GET('/api/reports/sittings/{id}/forms', { params: { path } })).catch(() => ({
            forms: [],
          }))
        ).forms,
      );
    setRoomId((current) => current || detail.rooms[0]?.id || '');
  }, [sittingId]);
  useEffect(() => {
    load().catch((e: Error) => setError(describeRefusal(t, e, lang)));
    ok(api.GET('/api/users', { params: { query: { role: 'proctor', pageSize: 200 } } }))
      .then((r) => setProctors(r.items))
      .catch(() => setProctors([]));
    ok(api.GET('/api/classes'))
      .then((r) => {
        setClasses(r.items);
        setClassId((current) => current || r.items[0]?.id || '');
      })
      .catch(() => setClasses([]));
  }, [load]);

  // A sitting held by a school enrols that school's classes only; one held higher up (an office)
  // may enrol any school's below it, so the school is named beside each class.
  const ownClasses = classes.filter((c) => c.schoolId === sitting?.organisationId);
  const classesOfSitting = ownClasses.length ? ownClasses : classes;
  const manySchools = new Set(classesOfSitting.map((c) => c.schoolId)).size > 1;
  useEffect(() => {
    if (classesOfSitting.length && !classesOfSitting.some((c) => c.id === classId))
      setClassId(classesOfSitting[0]!.id);
  }, [classesOfSitting, classId]);

  async function act(work: () => Promise<string | void>) {
    setError('');
    setNotice('');
    try {
      const message = await work();
      if (message) setNotice(message);
      await load();
      onChanged();
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    }
  }
  /** A part of the panel changed something: reload the sitting and the board's overview. */
  const changed = () => {
    load().catch((e: Error) => setError(describeRefusal(t, e, lang)));
    onChanged();
  };
  const file = (suffix: string) =>
    `${(sitting?.name ?? 'ky-thi').replace(/[^\p{L}\p{N}]+/gu, '-')}-${suffix}`;
  if (!sitting) return <p>{error || '…'}</p>;
  const parallel = sitting.forms.length > 1;
  const number = (x: number) =>
    x.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 2,
    });
  return (
    <section aria-labelledby="sitting-title" className="card">
      <h3 id="sitting-title">
        {t('board.manage', { name: sitting.name })}
        {sitting.practice && <PracticeTag />}
      </h3>
      {sitting.practice && (
        <p className="practice-note" id="sitting-practice-note">
          {t('board.practiceNote')}
        </p>
      )}
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
      </div>
      {parallel && <p>{t('board.forms', { labels: sitting.forms.join(', ') })}</p>}
      <SecuritySummary policy={sitting.securityPolicy} />
      <h4>{t('board.rooms')}</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('board.room')}</th>
            <th scope="col">{t('board.accessCode')}</th>
            <th scope="col">{t('board.candidates')}</th>
          </tr>
        </thead>
        <tbody>
          {sitting.rooms.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {r.name}
                {r.separateRoom && (
                  <>
                    {' '}
                    <span className="tag room-tag">{t('sit.room.separate')}</span>
                  </>
                )}
              </th>
              <td>
                <code>{r.accessCode}</code>
              </td>
              <td>{r.candidates}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SittingAccessCode sittingId={sittingId} code={sitting.accessCode} onChanged={changed} />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const room = await ok(
              api.POST('/api/sittings/{id}/rooms', {
                params: { path: { id: sittingId } },
                body: { name: roomName.trim(), proctorIds: proctorId ? [proctorId] : [] },
              }),
            );
            setRoomId(room.id);
            setRoomName('');
          });
        }}
      >
        <label className="field">
          {t('board.roomName')}
          <input value={roomName} onChange={(e) => setRoomName(e.target.value)} required />
        </label>
        <label className="field">
          {t('board.proctor')}
          <select value={proctorId} onChange={(e) => setProctorId(e.target.value)}>
            <option value="">{t('board.noProctor')}</option>
            {proctors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!roomName.trim()}>
          {t('board.addRoom')}
        </button>
      </form>

      <h4>{t('board.roster')}</h4>
      <div className="filters">
        <label className="field">
          {t('board.class')}
          <select value={classId} onChange={(e) => setClassId(e.target.value)}>
            {classesOfSitting.map((c) => (
              <option key={c.id} value={c.id}>
                {manySchools ? `${c.name} — ${c.schoolName ?? ''}` : c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          {t('board.rosterFile')}
          <input type="file" accept=".csv,.xlsx" onChange={(e) => setRoster(e.target.files?.[0])} />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!roster || !classId}
          onClick={() =>
            void act(async () => {
              const file = roster!;
              const xlsx = /\.xlsx$/i.test(file.name);
              const result = await ok(
                api.POST('/api/classes/{id}/roster', {
                  params: { path: { id: classId } },
                  ...rawBody(file, xlsx ? XLSX : 'text/csv'),
                }),
              );
              return t('board.rosterImported', { n: result.total });
            })
          }
        >
          {t('board.importRoster')}
        </button>
      </div>
      <div className="filters">
        <label className="field">
          {t('board.room')}
          <select value={roomId} onChange={(e) => setRoomId(e.target.value)}>
            {sitting.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('board.extraTime')}
          <input
            type="number"
            min={0}
            max={200}
            value={extra}
            onChange={(e) => setExtra(Math.max(0, Number(e.target.value) || 0))}
          />
        </label>
        <button
          type="button"
          disabled={!roomId || !classId}
          onClick={() =>
            void act(async () => {
              const result = await ok(
                api.POST('/api/sittings/{id}/candidates', {
                  params: { path: { id: sittingId } },
                  body: { roomId, classId, extraTimePercent: extra },
                }),
              );
              return t('board.enrolled', { n: result.added });
            })
          }
        >
          {t('board.enrol')}
        </button>
      </div>
      <SittingRosterUpload sittingId={sittingId} onEnrolled={changed} />
      <SittingCandidateTable
        sittingId={sittingId}
        candidates={candidates}
        rooms={sitting.rooms}
        parallel={parallel}
        onChanged={changed}
      />
      <SittingMarkers sittingId={sittingId} />
      {parallel && byForm.length > 0 && (
        <>
          <h4>{t('board.byForm')}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('board.col.form')}</th>
                <th scope="col">{t('board.col.count')}</th>
                <th scope="col">{t('board.col.meanTen')}</th>
                <th scope="col">{t('board.col.sd')}</th>
              </tr>
            </thead>
            <tbody>
              {byForm.map((f) => (
                <tr key={f.label ?? ''}>
                  <th scope="row">{f.label ?? '–'}</th>
                  <td>{f.candidates.length}</td>
                  <td>{number(f.meanTenPoint)}</td>
                  <td>{number(f.sd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="actions">
        <a className="button-link" href={`#/marking/${sittingId}`}>
          {t('board.marking')}
        </a>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void act(() => download(`/board/sittings/${sittingId}/slips.pdf`, file('phieu-du-thi.pdf')))
          }
        >
          {t('board.slips')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void act(() =>
              download(`/board/sittings/${sittingId}/room-lists.pdf`, file('danh-sach-phong-thi.pdf')),
            )
          }
        >
          {t('board.roomLists')}
        </button>
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              await ok(
                api.POST('/api/results/sittings/{id}/release', { params: { path: { id: sittingId } } }),
              );
              return t('board.released');
            })
          }
        >
          {t('board.release')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void act(() => download(`/reports/sittings/${sittingId}/summary.pdf`, file('bao-cao.pdf')))
          }
        >
          {t('board.summary')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-describedby={sitting.practice ? 'sitting-practice-note' : undefined}
          onClick={() =>
            void act(() => download(`/results/sittings/${sittingId}/gradebook.xlsx`, file('so-diem.xlsx')))
          }
        >
          {t('board.gradebook')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void act(() => download(`/reports/sittings/${sittingId}/candidates.zip`, file('phieu-diem.zip')))
          }
        >
          {t('board.candidatesZip')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-describedby={sitting.practice ? 'sitting-practice-note' : undefined}
          onClick={() =>
            void act(() => download(`/results/sittings/${sittingId}/oneroster.zip`, file('oneroster.zip')))
          }
        >
          {t('board.oneRoster')}
        </button>
        <RescoreSitting sittingId={sittingId} onDone={(message) => void act(async () => message)} />
      </div>
      <SittingAnalysis sittingId={sittingId} />
    </section>
  );
}
