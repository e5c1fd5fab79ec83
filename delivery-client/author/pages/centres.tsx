import { useCallback, useEffect, useState } from 'react';
import { api, ok, type components } from '../api.ts';
import { saveFile, staffRequest } from './download.ts';
import { useT } from '../i18n.tsx';
import { describeRefusal } from './refusals.ts';

type Centre = components['schemas']['CentreStatus'];
type Report = components['schemas']['CentreReconciliation'];
type Imported = components['schemas']['CentreLogFileImported'];
type SittingRow = components['schemas']['SittingOverviewRow'];
type Room = { id: string; name: string };

/**
 * The exam board's test centres (issue 22): each centre's status per sitting (package sealed, key
 * released, result log received and whole), and for one centre and sitting: seal and download the
 * package, issue a room code, import a USB log file, and the reconciliation report.
 */
export function CentresPage() {
  const { t, lang } = useT();
  const [centres, setCentres] = useState<Centre[]>([]);
  const [sittings, setSittings] = useState<SittingRow[]>([]);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [centreId, setCentreId] = useState('');
  const [sittingId, setSittingId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [code, setCode] = useState<{ code: string; roomName: string }>();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<Report>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
      dateStyle: 'short',
      timeStyle: 'short',
    });

  const refresh = useCallback(() => {
    ok(api.GET('/api/centres'))
      .then((r) => {
        setCentres(r.items);
        setCentreId((current) => current || r.items[0]?.id || '');
      })
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, []);
  useEffect(() => {
    refresh();
    ok(api.GET('/api/board/sittings'))
      .then((r) => setSittings(r.items))
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [refresh]);
  useEffect(() => {
    setRooms([]);
    setRoomId('');
    setReport(undefined);
    setCode(undefined);
    if (!sittingId) return;
    ok(api.GET('/api/sittings/{id}', { params: { path: { id: sittingId } } }))
      .then((s) => {
        setRooms(s.rooms.map((r) => ({ id: r.id, name: r.name })));
        setRoomId(s.rooms[0]?.id ?? '');
      })
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [sittingId]);

  async function act(work: () => Promise<string | void>) {
    setError('');
    setNotice('');
    try {
      const message = await work();
      if (message) setNotice(message);
      refresh();
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    }
  }

  const seal = () =>
    act(async () => {
      const response = await staffRequest('/centres/packages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sittingId, centreIds: [centreId] }),
      });
      const packageId = response.headers.get('x-package-id') ?? '';
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `${packageId}.examcentre`;
      saveFile(await response.blob(), name);
      return t('ct.sealed', { id: packageId.slice(0, 8) });
    });

  const issueCode = () =>
    act(async () => {
      setCode(undefined);
      const issued = await ok(
        api.POST('/api/centres/{id}/room-codes', {
          params: { path: { id: centreId } },
          body: { sittingId, roomId },
        }),
      );
      setCode(issued);
    });

  const upload = () =>
    act(async () => {
      if (!file) return;
      const response = await staffRequest(`/centres/${centreId}/log-file`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      });
      const imported = (await response.json()) as Imported;
      if (imported.sittingId !== sittingId && sittings.some((s) => s.id === imported.sittingId))
        setSittingId(imported.sittingId);
      const parts = [
        t('ct.uploaded', {
          entries: imported.entries,
          imported: imported.imported,
          skipped: imported.skipped,
        }),
      ];
      if (imported.awaitingOpen.length) parts.push(t('ct.awaiting', { n: imported.awaitingOpen.length }));
      return parts.join(' ');
    });

  const showReport = () =>
    act(async () => {
      setReport(
        await ok(
          api.GET('/api/centres/{id}/reconciliation', {
            params: { path: { id: centreId }, query: { sittingId } },
          }),
        ),
      );
    });

  const list = (numbers: string[]) => numbers.join(', ');
  return (
    <section aria-labelledby="centres-title" className="centres">
      <h2 id="centres-title">{t('ct.title')}</h2>
      <p className="muted">{t('ct.intro')}</p>
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
      </div>
      <div className="row-head">
        <h3>{t('ct.title')}</h3>
        <button type="button" className="secondary small" onClick={refresh}>
          {t('ct.refresh')}
        </button>
      </div>
      {centres.length === 0 && <p className="muted">{t('ct.none')}</p>}
      {centres.map((centre) => (
        <section key={centre.id} className="card" aria-labelledby={`centre-${centre.id}`}>
          <h4 id={`centre-${centre.id}`}>{centre.name}</h4>
          <p className="muted small-text">{t('ct.organisation', { name: centre.organisationName })}</p>
          {centre.sittings.length === 0 ? (
            <p className="muted">{t('ct.noSittings')}</p>
          ) : (
            <div className="table-scroll">
              <table className="overview centre-status">
                <thead>
                  <tr>
                    <th scope="col">{t('ct.col.sitting')}</th>
                    <th scope="col">{t('ct.col.package')}</th>
                    <th scope="col">{t('ct.col.key')}</th>
                    <th scope="col">{t('ct.col.log')}</th>
                  </tr>
                </thead>
                <tbody>
                  {centre.sittings.map((s) => (
                    <tr key={s.sittingId}>
                      <th scope="row">{s.sittingName}</th>
                      <td>
                        {s.packages.length === 0
                          ? t('ct.noPackage')
                          : s.packages.map((p) => (
                              <div key={p.packageId}>
                                {t('ct.package', {
                                  at: when(p.sealedAt),
                                  rooms: p.rooms.map((r) => r.name).join(', '),
                                })}
                              </div>
                            ))}
                      </td>
                      <td>
                        {s.key.onlineAt && <div>{t('ct.keyOnline', { at: when(s.key.onlineAt) })}</div>}
                        {s.key.roomCodes.length > 0 && (
                          <div>
                            {t('ct.keyCodes', {
                              rooms: [...new Set(s.key.roomCodes.map((r) => r.roomName))].join(', '),
                            })}
                          </div>
                        )}
                        {!s.key.onlineAt && !s.key.roomCodes.length && (
                          <span className="muted">{t('ct.keyNone')}</span>
                        )}
                      </td>
                      <td>
                        {s.log ? (
                          <>
                            <div>
                              {t('ct.log', {
                                entries: s.log.entries,
                                head: s.log.headSeq,
                                at: when(s.log.lastImportAt),
                              })}
                            </div>
                            <div className={s.log.verified ? 'ok-text' : 'warn-text'}>
                              {t(s.log.verified ? 'ct.verified' : 'ct.notWhole')}
                            </div>
                            {s.log.deferredWaiting > 0 && (
                              <div className="warn-text">
                                {t('ct.deferred', { n: s.log.deferredWaiting })}
                              </div>
                            )}
                          </>
                        ) : (
                          <span className="muted">{t('ct.logNone')}</span>
                        )}
                        {s.lastRefusal && (
                          <div className="warn-text small-text">
                            {t('ct.lastRefusal', {
                              via: t(s.lastRefusal.via === 'file' ? 'ct.via.file' : 'ct.via.sync'),
                              at: when(s.lastRefusal.at),
                              error: s.lastRefusal.error,
                            })}
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      {centres.length > 0 && (
        <section className="card" aria-labelledby="centre-work-title">
          <h3 id="centre-work-title">{t('ct.work')}</h3>
          <div className="filters">
            <label className="field grow">
              {t('ct.centre')}
              <select value={centreId} onChange={(e) => setCentreId(e.target.value)}>
                {centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field grow">
              {t('ct.sitting')}
              <select value={sittingId} onChange={(e) => setSittingId(e.target.value)}>
                <option value="">{t('ct.chooseSitting')}</option>
                {sittings.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="actions">
            <button type="button" disabled={!centreId || !sittingId} onClick={() => void seal()}>
              {t('ct.seal')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!centreId || !sittingId}
              onClick={() => void showReport()}
            >
              {t('ct.report')}
            </button>
          </div>
          <div className="filters">
            <label className="field">
              {t('ct.room')}
              <select value={roomId} onChange={(e) => setRoomId(e.target.value)} disabled={!rooms.length}>
                {rooms.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              disabled={!centreId || !roomId}
              onClick={() => void issueCode()}
            >
              {t('ct.issueCode')}
            </button>
          </div>
          {code && (
            <div className="room-code" role="status">
              <p>{t('ct.codeFor', { room: code.roomName })}</p>
              <p className="room-code-value" lang="en">
                {code.code.slice(0, -1)}
                <strong className="room-code-check">{code.code.slice(-1)}</strong>
              </p>
            </div>
          )}
          <div className="filters">
            <label className="field grow">
              {t('ct.upload')}
              <input
                type="file"
                accept=".json,application/json"
                onChange={(e) => setFile(e.target.files?.[0])}
              />
            </label>
            <button
              type="button"
              className="secondary"
              disabled={!centreId || !file}
              onClick={() => void upload()}
            >
              {t('ct.uploadButton')}
            </button>
          </div>
        </section>
      )}

      {report && (
        <section className="card" aria-labelledby="centre-report-title">
          <h3 id="centre-report-title">
            {t('ct.reportTitle', { centre: report.centre.name, sitting: report.sitting.name })}
          </h3>
          <p className="report-totals">
            {t('ct.totals', {
              rostered: report.totals.rostered,
              opened: report.totals.opened,
              submitted: report.totals.submitted,
              scored: report.totals.scored,
              saves: report.totals.savesReceived,
              deferred: report.totals.deferred,
            })}
          </p>
          <div className="report-missing">
            <h4>{t('ct.missing')}</h4>
            {report.missing.notOpened.length === 0 &&
            report.missing.openedNotSubmitted.length === 0 &&
            report.missing.deferred.length === 0 ? (
              <p className="ok-text">{t('ct.missing.none')}</p>
            ) : (
              <ul>
                {report.missing.notOpened.length > 0 && (
                  <li className="warn-text">
                    {t('ct.missing.notOpened', { list: list(report.missing.notOpened) })}
                  </li>
                )}
                {report.missing.openedNotSubmitted.length > 0 && (
                  <li className="warn-text">
                    {t('ct.missing.openedNotSubmitted', { list: list(report.missing.openedNotSubmitted) })}
                  </li>
                )}
                {report.missing.deferred.length > 0 && (
                  <li className="warn-text">
                    {t('ct.missing.deferred', { list: list(report.missing.deferred) })}
                  </li>
                )}
              </ul>
            )}
          </div>
          <div className="table-scroll">
            <table className="overview reconciliation">
              <thead>
                <tr>
                  <th scope="col">{t('ct.col.candidate')}</th>
                  <th scope="col">{t('ct.col.name')}</th>
                  <th scope="col">{t('ct.col.room')}</th>
                  <th scope="col">{t('ct.col.opened')}</th>
                  <th scope="col">{t('ct.col.saves')}</th>
                  <th scope="col">{t('ct.col.submitted')}</th>
                  <th scope="col">{t('ct.col.score')}</th>
                  <th scope="col">{t('ct.col.deferred')}</th>
                </tr>
              </thead>
              <tbody>
                {report.candidates.map((c) => (
                  <tr
                    key={c.sittingCandidateId}
                    className={!c.opened || !c.submitted || c.deferred ? 'missing' : undefined}
                  >
                    <th scope="row">{c.candidateNumber}</th>
                    <td>{c.fullName}</td>
                    <td>{c.roomName}</td>
                    <td className={c.opened ? undefined : 'warn'}>{t(c.opened ? 'ct.yes' : 'ct.no')}</td>
                    <td>{c.savesReceived}</td>
                    <td className={c.submitted || !c.opened ? undefined : 'warn'}>
                      {t(c.submitted ? 'ct.yes' : 'ct.no')}
                    </td>
                    <td>{c.scored ? `${c.rawScore} / ${c.maxScore}` : '—'}</td>
                    <td className={c.deferred ? 'warn' : undefined}>{c.deferred}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}
