import { useState } from 'react';
import {
  ApiError,
  api,
  ok,
  type Bank,
  type Draft,
  type Preview,
  type PreviewQuestion,
  type Problem,
} from '../api.ts';
import { useT } from '../i18n.tsx';
import { ReadOnlyBankNote } from './bank-bar.tsx';
import { DraftEditor } from './draft-editor.tsx';
import { ImportedQuestionBody } from './import-question.tsx';
import { describeRefusal } from './refusals.ts';

const LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
const FORMATS = ['docx', 'moodle', 'gift', 'aiken', 'csv', 'xlsx', 'qti12'] as const;
/** What to do with a question whose identifier the bank holds with other content (QTI 1.2 keeps its own). */
const CLASH_POLICIES = ['refuse', 'new-version', 'rename', 'skip'] as const;
type ClashPolicy = (typeof CLASH_POLICIES)[number];

/** Upload, preview with per-question problems (nothing stored), correct or leave out, then save all or none. */
export function ImportPage({ bank }: { bank: Bank }) {
  const { t, lang } = useT();
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState('');
  const [subject, setSubject] = useState('');
  const [grade, setGrade] = useState('');
  const [topic, setTopic] = useState('');
  const [level, setLevel] = useState('');
  const [clash, setClash] = useState<ClashPolicy>('refuse');
  const [preview, setPreview] = useState<Preview>();
  const [skip, setSkip] = useState<number[]>([]);
  const [fixes, setFixes] = useState<Record<string, Draft>>({});
  const [editing, setEditing] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const say = (p: Problem) => (lang === 'en' ? p.messageEn : p.message);

  function form(decisions: { skip: number[]; fixes: Record<string, Draft> }) {
    const data = new FormData();
    data.set('file', file!);
    data.set('decisions', JSON.stringify(decisions));
    const metadata: Record<string, unknown> = {};
    if (subject.trim()) metadata.subject = subject.trim();
    if (grade) metadata.grade = Number(grade);
    if (topic.trim()) metadata.topic = topic.trim();
    if (level) metadata.cognitiveLevel = level;
    data.set('metadata', JSON.stringify(metadata));
    return data;
  }
  /**
   * A QTI 1.2 quiz with sections: the preview saves questions only, so the page offers the QTI
   * package import (the engine's one rule that builds tests from QTI 1.2 sections), same file.
   */
  async function importAsTest() {
    if (!file) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const zip = /\.zip$/i.test(file.name);
      const saved = await ok(
        api.POST('/api/item-banks/{id}/import', {
          params: { path: { id: bank.id }, query: { clash, filename: file.name } },
          body: file as never,
          bodySerializer: (body: unknown) => body as Blob,
          headers: { 'content-type': zip ? 'application/zip' : 'application/xml' },
        }),
      );
      setNotice(
        t('import.sections.saved', {
          items: saved.items.length,
          created: saved.items.filter((i) => i.created).length,
          tests: saved.tests.length,
          names: saved.tests.map((x) => x.identifier).join(', '),
        }),
      );
      setPreview(undefined);
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
    }
  }
  const query = format ? { format: format as (typeof FORMATS)[number] } : {};
  // The document does not describe the multipart body (the file and the decisions); it is sent as is.
  const upload = (decisions: { skip: number[]; fixes: typeof fixes }, policy: ClashPolicy = clash) => ({
    params: { path: { id: bank.id }, query: { ...query, clash: policy } },
    body: form(decisions) as never,
  });

  async function load(decisions = { skip, fixes }, policy: ClashPolicy = clash) {
    if (!file) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      setPreview(await ok(api.POST('/api/item-banks/{id}/imports', upload(decisions, policy))));
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
    }
  }
  async function confirm() {
    setBusy(true);
    setError('');
    try {
      // The preview was read with this policy; the save applies the same one.
      const saved = await ok(api.POST('/api/item-banks/{id}/imports/confirm', upload({ skip, fixes })));
      setNotice(t('import.saved', { n: saved.items.length, created: saved.created }));
      setPreview(undefined);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.details) setPreview(e.details as Preview);
      setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
    }
  }
  function toggleSkip(q: PreviewQuestion) {
    const next = skip.includes(q.number) ? skip.filter((n) => n !== q.number) : [...skip, q.number];
    setSkip(next);
    void load({ skip: next, fixes });
  }
  function applyFix(q: PreviewQuestion, draft: Draft) {
    const next = { ...fixes, [String(q.number)]: { ...draft, number: q.number, label: q.label } };
    setFixes(next);
    setEditing(undefined);
    void load({ skip, fixes: next });
  }

  const bad = preview?.questions.filter((q) => !q.valid && !q.skipped).length ?? 0;
  const blockedByClash = clash === 'refuse' && (preview?.clashes.length ?? 0) > 0;
  const hasSections = preview?.problems.some((p) => p.code === 'qti12_sections_not_carried') ?? false;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted">{t('import.help')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSkip([]);
          setFixes({});
          void load({ skip: [], fixes: {} });
        }}
      >
        <label className="field grow">
          {t('import.file')}
          <input
            type="file"
            accept=".docx,.xml,.gift,.txt,.csv,.xlsx,.zip,.qti"
            onChange={(e) => setFile(e.target.files?.[0])}
            required
          />
        </label>
        <label className="field">
          {t('import.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="">{t('import.format.auto')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('import.subject')}
          <input value={subject} onChange={(e) => setSubject(e.target.value)} size={10} />
        </label>
        <label className="field">
          {t('import.grade')}
          <select value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">–</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('import.topic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} size={14} />
        </label>
        <label className="field">
          {t('browse.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">–</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <ReadOnlyBankNote bank={bank} id="import-read-only" />
        <button
          type="submit"
          disabled={!file || busy || !bank.writable}
          aria-describedby={bank.writable ? undefined : 'import-read-only'}
        >
          {t('import.preview')}
        </button>
      </form>
      <div aria-live="polite">
        {busy && <p>{t('import.reading')}</p>}
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
      </div>
      {preview && (
        <>
          <div className={editing === undefined ? 'import-summary' : 'import-summary static'}>
            <p>
              <strong>
                {t('import.summary', {
                  total: preview.questions.length,
                  bad,
                  skipped: preview.questions.filter((q) => q.skipped).length,
                })}
              </strong>{' '}
              {t('import.nothingSaved')}
            </p>
            <button
              type="button"
              onClick={() => void confirm()}
              disabled={!preview.ok || blockedByClash || busy}
            >
              {t('import.confirm')}
            </button>
            {!preview.ok && <p className="muted">{t('import.cannotConfirm')}</p>}
            {preview.ok && blockedByClash && <p className="muted">{t('ip.clash.blocked')}</p>}
          </div>
          {hasSections && (
            <div className="import-sections" aria-labelledby="import-sections-title">
              <h3 id="import-sections-title">{t('import.sections.title')}</h3>
              <p>{t('import.sections.help')}</p>
              <button type="button" onClick={() => void importAsTest()} disabled={busy || !bank.writable}>
                {t('import.sections.import')}
              </button>
            </div>
          )}
          {preview.clashes.length > 0 && (
            <div className="problems" role="alert">
              <h3>{t('ip.clash.title')}</h3>
              <ul>
                {preview.clashes.map((c) => (
                  <li key={c.identifier}>
                    {t('ip.clash.item', {
                      label: preview.questions.find((q) => q.number === c.number)?.label ?? c.file,
                      identifier: c.identifier,
                      version: c.existingVersion,
                      from: c.existingSourceFile ? t('ip.clash.from', { file: c.existingSourceFile }) : '',
                    })}
                  </li>
                ))}
              </ul>
              <label className="field">
                {t('ip.clash.policy')}
                <select
                  value={clash}
                  onChange={(e) => {
                    const next = e.target.value as ClashPolicy;
                    setClash(next);
                    void load({ skip, fixes }, next);
                  }}
                >
                  {CLASH_POLICIES.map((p) => (
                    <option key={p} value={p}>
                      {t(`ip.clash.${p}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          {preview.problems.length > 0 && (
            <div className="problems" role="alert">
              <h3>{t('import.fileProblems')}</h3>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i}>{say(p)}</li>
                ))}
              </ul>
            </div>
          )}
          <ol className="questions">
            {preview.questions.map((q) => (
              <li
                key={q.number}
                className={`question ${q.skipped ? 'skipped' : q.valid ? 'valid' : 'invalid'}`}
              >
                <div className="question-head">
                  <h3>{q.label}</h3>
                  <span className="tag">{t(`kind.${q.draft.kind}`)}</span>
                  <span className={`badge ${q.skipped ? '' : q.valid ? 'ok' : 'bad'}`}>
                    {q.skipped ? t('import.skipped') : q.valid ? t('import.valid') : t('import.invalid')}
                  </span>
                  {(q.draft.line ?? q.draft.paragraph) !== undefined && (
                    <span className="muted">
                      {q.draft.line !== undefined
                        ? t('import.where.line', { n: q.draft.line })
                        : t('import.where.paragraph', { n: q.draft.paragraph! })}
                    </span>
                  )}
                </div>
                <ImportedQuestionBody draft={q.draft} />
                {q.problems.length > 0 && (
                  <ul className="problems">
                    {q.problems.map((p, i) => (
                      <li key={i} className={p.severity}>
                        {say(p)}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="toolbar">
                  <button type="button" className="secondary" onClick={() => toggleSkip(q)}>
                    {q.skipped ? t('import.unskip') : t('import.skip')}
                  </button>
                  {!q.skipped && (
                    <button type="button" className="secondary" onClick={() => setEditing(q.number)}>
                      {t('import.fix')}
                    </button>
                  )}
                </div>
                {editing === q.number && (
                  <DraftEditor
                    bank={bank}
                    initial={q.draft}
                    onApply={(d) => applyFix(q, d)}
                    onCancel={() => setEditing(undefined)}
                  />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
