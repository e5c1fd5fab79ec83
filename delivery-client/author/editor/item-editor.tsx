/**
 * The item editor for every interaction type, on the Item bank's JSON authoring model: a rich
 * stem, the interaction's form, points and feedback, metadata, a live candidate preview with
 * "try scoring", and saving to the bank. With `itemId` it opens a stored item (route
 * `#/items/<id>/edit`) and saves a new version of it. A new item's first save reports its id
 * through `onSaved`, so the page switches to editing that item.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AuthoringItem, AuthoringItemInput } from '../../../item-bank/client.ts';
import { ApiError, api, ok, type Bank, type Problem, type ResponseOf } from '../api.ts';
import { ReadOnlyBankNote } from '../pages/bank-bar.tsx';
import { refusalProblems } from '../pages/bank-refusals.ts';
import { describeRefusal } from '../pages/refusals.ts';
import { useT } from '../i18n.tsx';
import {
  codeCheckNotice,
  codeCheckProblems,
  codeReferencesOf,
  type CodeReferenceCheck,
} from './interactions/code-reference-check.ts';
import {
  emptyEditorItem,
  emptyInteraction,
  INTERACTION_KINDS,
  type EditorItem,
  type InteractionKind,
  type InteractionState,
  type ItemMetadataState,
  type MediaFileState,
} from './editor-item.ts';
import { fromAuthoringItem } from './from-authoring.ts';
import { InteractionEditor } from './interaction-editor.tsx';
import { BuildProblem } from './build-problem.ts';
import { ItemPreview } from './item-preview.tsx';
import { RichTextEditor } from './rich-text.tsx';
import { toAuthoringItem } from './to-authoring.ts';

const LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
const HUMAN_SCORED = new Set<InteractionKind>(['extendedText', 'upload', 'drawing', 'codeTask']);
/** Recorded, not scored (a media interaction unless it is scored by its plays): no feedback to write. */
const notScored = (s: InteractionState) =>
  s.kind === 'endAttempt' || (s.kind === 'media' && !(s.scoreByPlays && s.minPlays > 0));

/** GET /api/items/{id}/authoring; the document leaves the item and its metadata open (the item bank's shapes). */
type LoadedItem = Omit<ResponseOf<'/api/items/{id}/authoring', 'get'>, 'item' | 'metadata'> & {
  item: AuthoringItem;
  metadata: {
    subject: string | null;
    grade: number | null;
    topic: string | null;
    competencies: string[] | null;
    cognitiveLevel: string | null;
  };
};

function metadataBody(m: ItemMetadataState) {
  const grade = Number(m.grade);
  return {
    ...(m.subject.trim() ? { subject: m.subject.trim() } : {}),
    ...(Number.isInteger(grade) && grade >= 1 && grade <= 12 ? { grade } : {}),
    ...(m.topic.trim() ? { topic: m.topic.trim() } : {}),
    competencies: m.competencies
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    ...(m.cognitiveLevel ? { cognitiveLevel: m.cognitiveLevel } : {}),
  };
}

/** Media the item refers to (a removed picture is not saved). */
const usedMedia = (item: AuthoringItemInput, media: Record<string, MediaFileState>) => {
  const text = JSON.stringify(item);
  return Object.entries(media)
    .filter(([href]) => text.includes(`"${href}"`))
    .map(([href, f]) => ({ href, contentType: f.contentType, data: f.data }));
};

export function ItemEditorPage({
  bank,
  itemId,
  onSaved,
}: {
  bank: Bank;
  itemId?: string;
  /** Called after a save that gave the editor's item an id other than `itemId` (a new item's first save). */
  onSaved?: (savedItemId: string) => void;
}) {
  const { t, lang } = useT();
  const [item, setItem] = useState<EditorItem>(() => emptyEditorItem('choice'));
  const [bankId, setBankId] = useState(bank.id);
  const [loaded, setLoaded] = useState(!itemId);
  const [loadError, setLoadError] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState('');
  // The stem editor refills its DOM only when this changes (another item loaded or started).
  const [stemKey, setStemKey] = useState('new');
  // The item just saved from this editor: already on screen, so getting its id needs no reload.
  const savedItemId = useRef<string | undefined>(undefined);
  // The stored item and version this editor holds: a save builds on it, so a colleague's save in
  // between is refused rather than overwritten, and a new item cannot take a stored one's identifier.
  const basedOn = useRef<{ itemId: string; version: number } | undefined>(undefined);

  useEffect(() => {
    if (!itemId || itemId === savedItemId.current) return;
    // A load this effect no longer stands for (React ran it again, or another item was opened) must not
    // land: arriving after the teacher began typing, it would silently replace their edit.
    let superseded = false;
    setLoaded(false);
    ok(api.GET('/api/items/{id}/authoring', { params: { path: { id: itemId } } }))
      .then((loaded) => {
        if (superseded) return;
        const r = loaded as LoadedItem;
        const m = r.metadata;
        const editor = fromAuthoringItem(r.item, {
          subject: m.subject ?? '',
          grade: m.grade ? String(m.grade) : '',
          topic: m.topic ?? '',
          competencies: (m.competencies ?? []).join(', '),
          cognitiveLevel: (LEVELS as readonly string[]).includes(m.cognitiveLevel ?? '')
            ? (m.cognitiveLevel as ItemMetadataState['cognitiveLevel'])
            : '',
        });
        editor.media = Object.fromEntries(
          r.media.map((f) => [f.href, { contentType: f.contentType, data: f.data }]),
        );
        setItem(editor);
        setBankId(r.bankId);
        setStemKey(`${r.id}-${r.version}`);
        basedOn.current = { itemId: r.id, version: r.version };
        setLoaded(true);
      })
      .catch((e: Error) => {
        if (superseded) return;
        setLoadError(
          e instanceof ApiError ? describeRefusal(t, e, lang) : t('ie.unsupported', { message: e.message }),
        );
      });
    return () => {
      superseded = true;
    };
  }, [itemId, t]);

  const built = useMemo((): { item?: AuthoringItemInput; error?: string } => {
    try {
      return { item: toAuthoringItem(item) };
    } catch (error) {
      return { error: error instanceof BuildProblem ? t(error.key, error.params) : (error as Error).message };
    }
  }, [item, t]);

  const set = (patch: Partial<EditorItem>) => {
    setItem((current) => ({ ...current, ...patch }));
    setNotice('');
  };
  const setInteraction = (patch: Partial<InteractionState>) =>
    setItem((current) => ({ ...current, interaction: { ...current.interaction, ...patch } }));
  const addMedia = (href: string, file: MediaFileState) =>
    setItem((current) => ({ ...current, media: { ...current.media, [href]: file } }));
  const setMeta = (patch: Partial<ItemMetadataState>) => set({ metadata: { ...item.metadata, ...patch } });

  async function save() {
    setProblems([]);
    setNotice('');
    if (!built.item) return;
    // A code task's reference solution is graded before the engine saves (full marks required).
    const codeReferences =
      item.interaction.kind === 'codeTask' ? codeReferencesOf(item.interaction.code) : undefined;
    try {
      const saved = await ok(
        api.POST('/api/items/authoring', {
          body: {
            bankId,
            item: built.item,
            metadata: metadataBody(item.metadata),
            media: usedMedia(built.item, item.media),
            ...(basedOn.current ? { basedOn: basedOn.current } : {}),
            ...(codeReferences ? { codeReferences } : {}),
          },
        }),
      );
      basedOn.current = { itemId: saved.itemId, version: saved.version };
      const savedNotice = saved.created
        ? t('ie.saved', { identifier: item.identifier, version: saved.version })
        : t('ie.unchanged', { version: saved.version });
      setNotice(saved.codeChecks ? `${savedNotice} ${codeCheckNotice(saved.codeChecks, t)}` : savedNotice);
      const route = `#/items/${saved.itemId}/edit`;
      if (location.hash !== route) history.replaceState(null, '', route);
      if (saved.itemId !== itemId) {
        savedItemId.current = saved.itemId;
        onSaved?.(saved.itemId);
      }
    } catch (e) {
      const codeChecks = (e as ApiError).details as { codeChecks?: CodeReferenceCheck[] } | undefined;
      if (e instanceof ApiError && codeChecks?.codeChecks)
        setProblems(codeCheckProblems(codeChecks.codeChecks, t));
      else if (e instanceof ApiError && (e.id === 'identifier_taken' || e.id === 'edited_elsewhere')) {
        const details = (e.details ?? {}) as { identifier?: string; version?: number };
        const params = { identifier: details.identifier ?? item.identifier, version: details.version ?? 0 };
        const key = e.id === 'identifier_taken' ? 'ie.err.identifierTaken' : 'ie.err.editedElsewhere';
        setProblems([{ severity: 'error', code: e.id, message: t(key, params), messageEn: e.message }]);
      } else if (e instanceof ApiError) setProblems(refusalProblems(t, e));
    }
  }

  // A new item goes into the selected bank: when that bank is read-only the button says why instead of failing.
  const readOnly = !bank.writable && bankId === bank.id;
  if (loadError) return <p className="error">{loadError}</p>;
  if (!loaded) return <p>{t('ie.loading')}</p>;
  const kind = item.interaction.kind;
  return (
    <div className="editor item-editor">
      <div className="editor-form">
        <div className="row-fields">
          <label className="field">
            {t('ie.identifier')}
            <input
              value={item.identifier}
              readOnly={!!itemId}
              onChange={(e) => set({ identifier: e.target.value.replace(/[^\w.-]/g, '-') })}
            />
          </label>
          <label className="field grow">
            {t('ie.itemTitle')}
            <input value={item.title} onChange={(e) => set({ title: e.target.value })} />
          </label>
        </div>
        <label className="field">
          {t('ie.kind')}
          <select
            value={kind}
            onChange={(e) => {
              const next = e.target.value as InteractionKind;
              set({
                interaction: { ...emptyInteraction(next), prompt: item.interaction.prompt },
                partialCredit: false,
              });
            }}
          >
            {INTERACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`ie.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <RichTextEditor
          id={`stem-${stemKey}`}
          label={t('ie.stem')}
          value={item.stem}
          media={item.media}
          onChange={(stem) => set({ stem })}
          onAddMedia={addMedia}
        />
        <section className="editor-section" aria-label={t(`ie.kind.${kind}`)}>
          <h3>{t(`ie.kind.${kind}`)}</h3>
          <InteractionEditor
            state={item.interaction}
            media={item.media}
            onChange={setInteraction}
            onAddMedia={addMedia}
          />
        </section>
        <fieldset className="editor-section">
          <legend>{t('ie.scoring')}</legend>
          <label className="field narrow-field">
            {t('ie.points')}
            <input
              type="number"
              min="0.05"
              step="0.05"
              value={item.points}
              onChange={(e) => set({ points: Number(e.target.value) || 1 })}
            />
          </label>
          {[
            'choice',
            'match',
            'associate',
            'gapMatch',
            'hottext',
            'hotspot',
            'graphicAssociate',
            'graphicGapMatch',
          ].includes(kind) && (
            <label className="check">
              <input
                type="checkbox"
                checked={item.partialCredit}
                onChange={(e) => set({ partialCredit: e.target.checked })}
              />{' '}
              {t('ie.partial')}
            </label>
          )}
        </fieldset>
        {!HUMAN_SCORED.has(kind) && !notScored(item.interaction) && (
          <fieldset className="editor-section">
            <legend>{t('ie.feedback')}</legend>
            <label className="field">
              {t('ie.feedbackCorrect')}
              <textarea
                rows={2}
                value={item.feedbackCorrect}
                onChange={(e) => set({ feedbackCorrect: e.target.value })}
              />
            </label>
            <label className="field">
              {t('ie.feedbackIncorrect')}
              <textarea
                rows={2}
                value={item.feedbackIncorrect}
                onChange={(e) => set({ feedbackIncorrect: e.target.value })}
              />
            </label>
          </fieldset>
        )}
        <fieldset className="editor-section metadata">
          <legend>{t('ie.metadata')}</legend>
          <label className="field">
            {t('ie.subject')}
            <input value={item.metadata.subject} onChange={(e) => setMeta({ subject: e.target.value })} />
          </label>
          <label className="field narrow-field">
            {t('ie.grade')}
            <input
              type="number"
              min={1}
              max={12}
              value={item.metadata.grade}
              onChange={(e) => setMeta({ grade: e.target.value })}
            />
          </label>
          <label className="field">
            {t('ie.topic')}
            <input value={item.metadata.topic} onChange={(e) => setMeta({ topic: e.target.value })} />
          </label>
          <label className="field">
            {t('ie.competencies')}
            <input
              value={item.metadata.competencies}
              onChange={(e) => setMeta({ competencies: e.target.value })}
            />
          </label>
          <label className="field">
            {t('ie.level')}
            <select
              value={item.metadata.cognitiveLevel}
              onChange={(e) =>
                setMeta({ cognitiveLevel: e.target.value as ItemMetadataState['cognitiveLevel'] })
              }
            >
              <option value="">{t('ie.level.none')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`ie.level.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {problems.length > 0 && (
          <div className="problems" role="alert">
            <h3>{t('ie.problems')}</h3>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{lang === 'en' ? p.messageEn : p.message}</li>
              ))}
            </ul>
          </div>
        )}
        {readOnly && <ReadOnlyBankNote bank={bank} id="item-editor-read-only" />}
        <div className="toolbar">
          <button
            type="button"
            onClick={() => void save()}
            disabled={!built.item || readOnly}
            aria-describedby={readOnly ? 'item-editor-read-only' : undefined}
          >
            {t('ie.save')}
          </button>
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </div>
      <ItemPreview
        bankId={bankId}
        item={built.item}
        buildError={built.error}
        media={item.media}
        points={item.points}
        scoredByTeacher={HUMAN_SCORED.has(kind)}
        codeTask={kind === 'codeTask'}
        choiceFeedback={
          kind === 'choice'
            ? Object.fromEntries(item.interaction.choices.map((c) => [c.id, c.feedback.trim()]))
            : {}
        }
      />
    </div>
  );
}
