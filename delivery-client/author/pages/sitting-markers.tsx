/**
 * The sitting's marking team (`GET`/`PUT /api/sittings/{id}/markers`): each member of staff who could
 * mark, with a checkbox to assign them and their role (marker or moderator). Saving replaces the
 * whole team; with nobody assigned every teacher of the school may mark.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, ok, type ResponseOf } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';
import { LiveStatus } from './live-status.tsx';
import { describeRefusal } from './refusals.ts';

type SittingMarkers = ResponseOf<'/api/sittings/{id}/markers', 'get'>;
type StaffMember = SittingMarkers['eligible'][number];
type MarkerRole = SittingMarkers['assigned'][number]['role'];
interface Problem {
  userId: string;
  reason: string;
}

const REASON_KEYS: Record<string, AuthorMessageKey> = {
  user_not_found: 'sit.markers.reason.user_not_found',
  user_disabled: 'sit.markers.reason.user_disabled',
  role_cannot_mark: 'sit.markers.reason.role_cannot_mark',
  outside_organisation: 'sit.markers.reason.outside_organisation',
};
const STAFF_ROLE_KEYS: Record<string, AuthorMessageKey> = {
  teacher: 'sit.markers.staff.teacher',
  exam_board: 'sit.markers.staff.exam_board',
  admin: 'sit.markers.staff.admin',
};

export function SittingMarkers({ sittingId }: { sittingId: string }) {
  const { t, lang } = useT();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  /** The team as edited: role by user id. */
  const [team, setTeam] = useState<Map<string, MarkerRole>>(new Map());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const show = useCallback((markers: SittingMarkers) => {
    // Someone assigned earlier who can no longer be (moved, disabled) still shows, so they can be removed.
    const listed = new Set(markers.eligible.map((u) => u.userId));
    setStaff(
      [...markers.eligible, ...markers.assigned.filter((a) => !listed.has(a.userId))].sort(
        // The database's collation does not know that Đ follows D.
        (a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.username.localeCompare(b.username),
      ),
    );
    setTeam(new Map(markers.assigned.map((a) => [a.userId, a.role])));
  }, []);
  useEffect(() => {
    ok(api.GET('/api/sittings/{id}/markers', { params: { path: { id: sittingId } } }))
      .then(show)
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [sittingId, show]);

  const nameOf = (userId: string) => {
    const user = staff.find((u) => u.userId === userId);
    return user ? `${user.fullName} (${user.username})` : userId;
  };
  function assign(userId: string, role: MarkerRole | undefined) {
    setTeam((current) => {
      const next = new Map(current);
      if (role) next.set(userId, role);
      else next.delete(userId);
      return next;
    });
  }
  async function save() {
    setBusy(true);
    setNotice('');
    setError('');
    try {
      const saved = await ok(
        api.PUT('/api/sittings/{id}/markers', {
          params: { path: { id: sittingId } },
          body: { markers: [...team].map(([userId, role]) => ({ userId, role })) },
        }),
      );
      show(saved);
      setNotice(
        saved.assigned.length
          ? t('sit.markers.saved', { n: saved.assigned.length })
          : t('sit.markers.savedNone'),
      );
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details as { problems?: Problem[] })?.problems : undefined;
      setError(
        problems?.length
          ? problems
              .map((p) =>
                t('sit.markers.refusedUser', {
                  name: nameOf(p.userId),
                  reason: REASON_KEYS[p.reason] ? t(REASON_KEYS[p.reason]!) : p.reason,
                }),
              )
              .join(' ')
          : t('sit.markers.refused', { message: describeRefusal(t, e, lang) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sitting-markers-title" className="sitting-markers">
      <h4 id="sitting-markers-title">{t('sit.markers.title')}</h4>
      <p id="sitting-markers-help" className="muted small-text">
        {t('sit.markers.help')}
      </p>
      <p>{team.size ? t('sit.markers.current', { n: team.size }) : t('sit.markers.none')}</p>
      {staff.length === 0 ? (
        <p>{t('sit.markers.noStaff')}</p>
      ) : (
        <table aria-describedby="sitting-markers-help">
          <caption className="sr-only">{t('sit.markers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sit.markers.col.assign')}</th>
              <th scope="col">{t('sit.markers.col.name')}</th>
              <th scope="col">{t('sit.markers.col.staffRole')}</th>
              <th scope="col">{t('sit.markers.col.role')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => {
              const role = team.get(u.userId);
              const who = `${u.fullName} (${u.username})`;
              const staffRole = STAFF_ROLE_KEYS[u.staffRole];
              return (
                <tr key={u.userId} className={role ? 'assigned' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('sit.markers.assign', { name: who })}
                      checked={role !== undefined}
                      onChange={(e) => assign(u.userId, e.target.checked ? 'marker' : undefined)}
                    />
                  </td>
                  <th scope="row">
                    {u.fullName} <span className="muted">({u.username})</span>
                  </th>
                  <td>{staffRole ? t(staffRole) : u.staffRole}</td>
                  <td>
                    <select
                      aria-label={t('sit.markers.roleOf', { name: who })}
                      value={role ?? 'marker'}
                      disabled={role === undefined}
                      onChange={(e) => assign(u.userId, e.target.value as MarkerRole)}
                    >
                      <option value="marker">{t('sit.markers.role.marker')}</option>
                      <option value="moderator">{t('sit.markers.role.moderator')}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t('sit.markers.save')}
        </button>
      </div>
      <LiveStatus notice={notice} error={error} />
    </section>
  );
}
