/**
 * The form of each interaction type: its content (choices, passages, pictures and areas), the
 * key, and the options QTI allows (shuffle and fixed choices, max choices or associations).
 */
import { useT } from '../i18n.tsx';
import { AreaEditor, PictureInput } from './area-editor.tsx';
import { ClipInput } from './clip-input.tsx';
import type { InteractionState, MediaFileState } from './editor-item.ts';
import { GAP_MARK } from './interactions/gap-match.ts';
import { hottextIds } from './interactions/hottext.ts';
import { ChoiceList, CorrectPicker, OrderKey, PairsKey, TargetKey } from './key-panels.tsx';

const GRAPHIC = new Set([
  'drawing',
  'hotspot',
  'selectPoint',
  'graphicOrder',
  'graphicAssociate',
  'graphicGapMatch',
  'positionObject',
]);
const NO_PROMPT = new Set(['inlineChoice', 'textEntry', 'positionObject', 'codeTask', 'endAttempt']);

export function InteractionEditor({
  state,
  media,
  onChange,
  onAddMedia,
}: {
  state: InteractionState;
  media: Record<string, MediaFileState>;
  onChange(patch: Partial<InteractionState>): void;
  onAddMedia(href: string, file: MediaFileState): void;
}) {
  const { t } = useT();
  const s = state;
  const id = `ie-${s.kind}`;
  const gaps = [...Array(Math.max(0, s.text.split(GAP_MARK).length - 1)).keys()].map((i) => `G${i + 1}`);
  const areaOptions = s.areas.map((a) => ({ id: a.id, text: a.label }));
  const hottexts = hottextIds(s.text).map((h, i) => ({
    id: h,
    text: [...s.text.matchAll(/\[([^\]]+)\]/g)][i]?.[1] ?? '',
  }));
  const shuffleBox = (
    <label className="check">
      <input type="checkbox" checked={s.shuffle} onChange={(e) => onChange({ shuffle: e.target.checked })} />{' '}
      {t('ie.shuffle')}
    </label>
  );
  const maxBox = (key: 'ie.maxChoices' | 'ie.maxAssociations') => (
    <label className="field narrow-field">
      {t(key)}
      <input
        type="number"
        min={0}
        value={s.maxChoices}
        onChange={(e) => onChange({ maxChoices: Number(e.target.value) })}
      />
    </label>
  );

  return (
    <div className="interaction-editor" data-kind={s.kind}>
      {!NO_PROMPT.has(s.kind) && (
        <label className="field">
          {t('ie.prompt')}
          <input value={s.prompt} onChange={(e) => onChange({ prompt: e.target.value })} />
        </label>
      )}

      {GRAPHIC.has(s.kind) && (
        <PictureInput
          id={`${id}-picture`}
          label={t('ie.picture')}
          picture={s.picture}
          media={media}
          onPicture={(picture) => onChange({ picture })}
          onAddMedia={onAddMedia}
        />
      )}
      {s.kind === 'positionObject' && (
        <PictureInput
          id={`${id}-object`}
          label={t('ie.object')}
          picture={s.object}
          media={media}
          onPicture={(object) =>
            onChange({
              object: { ...object, width: Math.min(object.width, 60), height: Math.min(object.height, 60) },
            })
          }
          onAddMedia={onAddMedia}
        />
      )}

      {(s.kind === 'choice' ||
        s.kind === 'order' ||
        s.kind === 'associate' ||
        s.kind === 'inlineChoice' ||
        s.kind === 'match') && (
        <ChoiceList
          id={`${id}-choices`}
          legend={t('ie.choices')}
          list={s.choices}
          withFixed={s.shuffle && s.kind !== 'inlineChoice'}
          withMatchMax={s.kind === 'associate' || s.kind === 'match'}
          withFeedback={s.kind === 'choice'}
          onChange={(choices) =>
            onChange({
              choices,
              correct: s.correct.filter((c) =>
                c
                  .split(' ')
                  .every((p) => choices.some((x) => x.id === p) || s.targets.some((x) => x.id === p)),
              ),
            })
          }
        />
      )}
      {s.kind === 'match' && (
        <ChoiceList
          id={`${id}-targets`}
          legend={t('ie.targets')}
          list={s.targets}
          prefix="T"
          withFixed={s.shuffle}
          withMatchMax
          addLabel={t('ie.addTarget')}
          onChange={(targets) => onChange({ targets })}
        />
      )}
      {(s.kind === 'inlineChoice' || s.kind === 'textEntry') && (
        <label className="field">
          {t('ie.sentence')}
          <input value={s.text} onChange={(e) => onChange({ text: e.target.value })} />
        </label>
      )}
      {s.kind === 'gapMatch' && (
        <>
          <label className="field">
            {t('ie.gapPassage')}
            <textarea rows={3} value={s.text} onChange={(e) => onChange({ text: e.target.value })} />
          </label>
          <ChoiceList
            id={`${id}-words`}
            legend={t('ie.gapWords')}
            list={s.choices}
            prefix="W"
            withFixed={s.shuffle}
            withMatchMax
            onChange={(choices) => onChange({ choices })}
          />
        </>
      )}
      {s.kind === 'graphicGapMatch' && (
        <ChoiceList
          id={`${id}-labels`}
          legend={t('ie.gapWords')}
          list={s.choices}
          prefix="L"
          withFixed={false}
          withMatchMax
          onChange={(choices) => onChange({ choices })}
        />
      )}
      {s.kind === 'hottext' && (
        <label className="field">
          {t('ie.hottextPassage')}
          <textarea rows={3} value={s.text} onChange={(e) => onChange({ text: e.target.value })} />
        </label>
      )}

      {[
        'hotspot',
        'graphicOrder',
        'graphicAssociate',
        'graphicGapMatch',
        'selectPoint',
        'positionObject',
      ].includes(s.kind) && (
        <fieldset className="areas">
          <legend>
            {s.kind === 'selectPoint' || s.kind === 'positionObject' ? t('ie.scoredAreas') : t('ie.areas')}
          </legend>
          <AreaEditor
            id={`${id}-areas`}
            picture={s.picture}
            areas={s.areas}
            media={media}
            idPrefix={s.kind === 'selectPoint' || s.kind === 'positionObject' ? 'AREA' : 'S'}
            withScore={s.kind === 'selectPoint' || s.kind === 'positionObject'}
            withLabel={s.kind !== 'selectPoint' && s.kind !== 'positionObject'}
            onAreas={(areas) => onChange({ areas })}
          />
        </fieldset>
      )}

      {(s.kind === 'choice' ||
        s.kind === 'order' ||
        s.kind === 'match' ||
        s.kind === 'associate' ||
        s.kind === 'gapMatch' ||
        s.kind === 'inlineChoice') &&
        shuffleBox}
      {(s.kind === 'choice' ||
        s.kind === 'hotspot' ||
        s.kind === 'hottext' ||
        s.kind === 'selectPoint' ||
        s.kind === 'positionObject') &&
        maxBox('ie.maxChoices')}
      {(s.kind === 'match' || s.kind === 'associate' || s.kind === 'graphicAssociate') &&
        maxBox('ie.maxAssociations')}

      {(s.kind === 'choice' || s.kind === 'inlineChoice') && (
        <CorrectPicker
          id={id}
          options={s.choices}
          single={s.kind === 'inlineChoice' || s.maxChoices === 1}
          correct={s.correct}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'hotspot' && (
        <CorrectPicker
          id={id}
          options={areaOptions}
          single={s.maxChoices === 1}
          correct={s.correct}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'hottext' && (
        <CorrectPicker
          id={id}
          options={hottexts}
          single={s.maxChoices === 1}
          correct={s.correct}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'order' && (
        <OrderKey options={s.choices} correct={s.correct} onChange={(correct) => onChange({ correct })} />
      )}
      {s.kind === 'graphicOrder' && (
        <OrderKey options={areaOptions} correct={s.correct} onChange={(correct) => onChange({ correct })} />
      )}
      {s.kind === 'match' && (
        <PairsKey
          id={id}
          first={s.choices}
          second={s.targets}
          correct={s.correct}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'associate' && (
        <PairsKey
          id={id}
          first={s.choices}
          second={s.choices}
          correct={s.correct}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'graphicAssociate' && (
        <PairsKey
          id={id}
          first={areaOptions}
          second={areaOptions}
          correct={s.correct}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'gapMatch' && (
        <TargetKey
          id={id}
          sources={s.choices}
          targets={gaps}
          correct={s.correct}
          targetLabel={(gap) => t('ie.gapKey', { gap })}
          onChange={(correct) => onChange({ correct })}
        />
      )}
      {s.kind === 'graphicGapMatch' && (
        <TargetKey
          id={id}
          sources={s.choices}
          targets={s.areas.map((a) => a.id)}
          correct={s.correct}
          targetLabel={(area) =>
            t('ie.gapKey', { gap: `${area} ${s.areas.find((a) => a.id === area)?.label ?? ''}` })
          }
          onChange={(correct) => onChange({ correct })}
        />
      )}

      {s.kind === 'textEntry' && (
        <fieldset className="answers">
          <legend>{t('ie.answers')}</legend>
          {s.answers.map((a, i) => (
            <div className="option-row" key={i}>
              <label className="field grow">
                {t('ie.answer', { n: i + 1 })}
                <input
                  value={a.value}
                  onChange={(e) =>
                    onChange({
                      answers: s.answers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                    })
                  }
                />
              </label>
              <label className="field narrow-field">
                {t('ie.answerScore', { n: i + 1 })}
                <input
                  type="number"
                  step="0.25"
                  value={a.score}
                  onChange={(e) =>
                    onChange({
                      answers: s.answers.map((x, j) =>
                        j === i ? { ...x, score: Number(e.target.value) } : x,
                      ),
                    })
                  }
                />
              </label>
              <button
                type="button"
                className="secondary small"
                aria-label={t('ie.remove', { id: String(i + 1) })}
                onClick={() => onChange({ answers: s.answers.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary small"
            onClick={() => onChange({ answers: [...s.answers, { value: '', score: 1 }] })}
          >
            {t('ie.addAnswer')}
          </button>
          <label className="check">
            <input
              type="checkbox"
              checked={s.caseSensitive}
              onChange={(e) => onChange({ caseSensitive: e.target.checked })}
            />{' '}
            {t('ie.caseSensitive')}
          </label>
          <label className="field narrow-field">
            {t('ie.baseType')}
            <select
              value={s.baseType}
              onChange={(e) => onChange({ baseType: e.target.value as InteractionState['baseType'] })}
            >
              {(['string', 'integer', 'float'] as const).map((b) => (
                <option key={b} value={b}>
                  {t(`ie.baseType.${b}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}

      {s.kind === 'slider' && (
        <div className="slider-fields">
          {(['lower', 'upper', 'step'] as const).map((k) => (
            <label key={k} className="field narrow-field">
              {t(`ie.${k}`)}
              <input type="number" value={s[k]} onChange={(e) => onChange({ [k]: Number(e.target.value) })} />
            </label>
          ))}
          <label className="field narrow-field">
            {t('ie.sliderKey')}
            <input
              type="number"
              value={s.correct[0] ?? ''}
              onChange={(e) => onChange({ correct: e.target.value ? [e.target.value] : [] })}
            />
          </label>
          <label className="field narrow-field">
            {t('ie.baseType')}
            <select
              value={s.baseType === 'float' ? 'float' : 'integer'}
              onChange={(e) => onChange({ baseType: e.target.value as 'integer' | 'float' })}
            >
              {(['integer', 'float'] as const).map((b) => (
                <option key={b} value={b}>
                  {t(`ie.baseType.${b}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {s.kind === 'extendedText' && (
        <label className="field narrow-field">
          {t('ie.expectedLines')}
          <input
            type="number"
            min={1}
            value={s.expectedLines}
            onChange={(e) => onChange({ expectedLines: Number(e.target.value) })}
          />
        </label>
      )}
      {s.kind === 'upload' && (
        <label className="field">
          {t('ie.fileType')}
          <input value={s.fileType} onChange={(e) => onChange({ fileType: e.target.value })} />
        </label>
      )}
      {(s.kind === 'extendedText' || s.kind === 'upload' || s.kind === 'drawing') && (
        <p className="muted">{t('ie.humanScored')}</p>
      )}

      {s.kind === 'media' && (
        <>
          <ClipInput
            id={`${id}-clip`}
            clip={s.clip}
            media={media}
            onClip={(clip) => onChange({ clip })}
            onAddMedia={onAddMedia}
          />
          <div className="slider-fields">
            {(['minPlays', 'maxPlays'] as const).map((k) => (
              <label key={k} className="field narrow-field">
                {t(`ie.${k}`)}
                <input
                  type="number"
                  min={0}
                  value={s[k]}
                  onChange={(e) => onChange({ [k]: Math.max(0, Number(e.target.value) || 0) })}
                />
              </label>
            ))}
          </div>
          {(['autostart', 'loop'] as const).map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={s[k]} onChange={(e) => onChange({ [k]: e.target.checked })} />{' '}
              {t(`ie.${k}`)}
            </label>
          ))}
        </>
      )}
      {s.kind === 'endAttempt' && (
        <label className="field">
          {t('ie.buttonTitle')}
          <input value={s.buttonTitle} onChange={(e) => onChange({ buttonTitle: e.target.value })} />
        </label>
      )}
      {s.kind === 'media' && (
        <label className="check">
          <input
            type="checkbox"
            checked={s.scoreByPlays}
            onChange={(e) => onChange({ scoreByPlays: e.target.checked, minPlays: Math.max(s.minPlays, 1) })}
          />{' '}
          {t('ie.scoreByPlays')}
        </label>
      )}
      {(s.kind === 'endAttempt' || (s.kind === 'media' && !s.scoreByPlays)) && (
        <p className="muted">{t('ie.notScored')}</p>
      )}

      {s.kind === 'codeTask' && <CodeTaskFields state={s} onChange={onChange} />}
    </div>
  );
}

function CodeTaskFields({
  state,
  onChange,
}: {
  state: InteractionState;
  onChange(patch: Partial<InteractionState>): void;
}) {
  const { t } = useT();
  const c = state.code;
  const set = (patch: Partial<InteractionState['code']>) => onChange({ code: { ...c, ...patch } });
  let testsError = '';
  try {
    JSON.parse(c.testsJson || '[]');
  } catch (error) {
    testsError = t('ie.code.badTests', { message: (error as Error).message });
  }
  return (
    <div className="code-task-fields">
      <label className="field narrow-field">
        {t('ie.code.language')}
        <select
          value={c.language}
          onChange={(e) => set({ language: e.target.value as 'python' | 'javascript' })}
        >
          <option value="python">Python</option>
          <option value="javascript">JavaScript</option>
        </select>
      </label>
      <label className="field">
        {t('ie.code.instructions')}
        <textarea rows={3} value={c.instructions} onChange={(e) => set({ instructions: e.target.value })} />
      </label>
      <label className="field">
        {t('ie.code.starter')}
        <textarea
          rows={4}
          className="mono"
          value={c.starterCode}
          onChange={(e) => set({ starterCode: e.target.value })}
        />
      </label>
      <label className="field narrow-field">
        {t('ie.code.entry')}
        <input value={c.entry} onChange={(e) => set({ entry: e.target.value })} />
      </label>
      <label className="field">
        {t('ie.code.tests')}
        <textarea
          rows={6}
          className="mono"
          value={c.testsJson}
          onChange={(e) => set({ testsJson: e.target.value })}
        />
      </label>
      {testsError && (
        <p className="error" role="alert">
          {testsError}
        </p>
      )}
      <label className="field">
        {t('ie.code.reference')}
        <textarea
          rows={4}
          className="mono"
          value={c.referenceSolution ?? ''}
          onChange={(e) => set({ referenceSolution: e.target.value })}
        />
      </label>
      <p className="muted">{t('ie.code.referenceHelp')}</p>
    </div>
  );
}
