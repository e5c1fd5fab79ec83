/**
 * A sound or video to play (mediaInteraction): how often it must and may be played, whether it
 * starts by itself and loops. The response is the play count: unscored, or full points once
 * played at least minPlays times (the key).
 */
import { html, qti, text, type Picture } from '../editor-item.ts';
import {
  elements,
  num,
  promptNodes,
  readPicture,
  readPrompt,
  RESPONSE,
  type InteractionModel,
} from './interaction-model.ts';

function clipObject(clip: Picture | undefined) {
  const c = clip ?? { href: '', contentType: 'audio/mpeg', width: 0, height: 0, alt: '' };
  // A sound has no size; a video keeps the size it was given.
  const size: Record<string, string> =
    c.contentType.startsWith('video') && c.width > 0 && c.height > 0
      ? { width: String(c.width), height: String(c.height) }
      : {};
  return html('object', { data: c.href, type: c.contentType, ...size }, c.alt ? [text(c.alt)] : []);
}

export const mediaModel: InteractionModel = {
  kind: 'media',
  element: 'mediaInteraction',
  build(s) {
    const scored = s.scoreByPlays && s.minPlays > 0;
    return {
      nodes: [
        qti(
          'mediaInteraction',
          {
            responseIdentifier: RESPONSE,
            autostart: String(s.autostart),
            ...(s.minPlays > 0 ? { minPlays: String(s.minPlays) } : {}),
            ...(s.maxPlays > 0 ? { maxPlays: String(s.maxPlays) } : {}),
            ...(s.loop ? { loop: 'true' } : {}),
          },
          [...promptNodes(s.prompt), clipObject(s.clip)],
        ),
      ],
      response: {
        cardinality: 'single',
        baseType: 'integer',
        ...(scored ? { correctResponse: [String(s.minPlays)] } : {}),
      },
      scoring: scored ? 'atLeast' : 'none',
    };
  },
  read(e, r) {
    const object = elements(e.children).find((c) => ['object', 'audio', 'video'].includes(c.name));
    const clip = readPicture(object);
    return {
      prompt: readPrompt(e),
      clip: clip && {
        ...clip,
        contentType: object?.attributes.type ?? (object?.name === 'video' ? 'video/mp4' : 'audio/mpeg'),
      },
      autostart: e.attributes.autostart === 'true',
      minPlays: num(e.attributes.minPlays, 0),
      maxPlays: num(e.attributes.maxPlays, 0),
      loop: e.attributes.loop === 'true',
      scoreByPlays: r.correct.length > 0,
    };
  },
};
