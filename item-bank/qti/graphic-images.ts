/** Images of graphic interactions as QTI 2.2 wants them: an `object`, not `img` or `picture`. */
import type { ContentElement } from '../model/content.ts';
import { makeElement } from './make-element.ts';
import type { ContentWriteOptions } from './write-content.ts';

/** Interactions whose image QTI 2.2 wants as an `object` (3.0 also takes `img` and `picture`). */
export const GRAPHIC_CONTAINERS = new Set([
  'hotspotInteraction',
  'selectPointInteraction',
  'graphicOrderInteraction',
  'graphicAssociateInteraction',
  'graphicGapMatchInteraction',
  'positionObjectStage',
  'drawingInteraction',
  'positionObjectInteraction',
  'gapImg',
]);

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

const imageType = (src: string) => {
  const ext = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(src)?.[1]?.toLowerCase() ?? '';
  return IMAGE_TYPES[ext] ?? (ext ? `image/${ext}` : 'image/png');
};

/**
 * An `img` (or a `picture`'s `img`) in a graphic interaction as the `object` QTI 2.2 requires:
 * same file, its type from the extension, same size, the alternative text as the object's content.
 */
export function imageAsObject(image: ContentElement, options: ContentWriteOptions): ContentElement {
  const img =
    image.name === 'picture'
      ? (image.children.find((c): c is ContentElement => c.kind === 'element' && c.name === 'img') ?? image)
      : image;
  const src = img.attributes.src ?? '';
  const { width, height, alt } = img.attributes;
  options.onAdjust?.(
    `<${image.name} src="${src}"> in a graphic interaction written as <object> (QTI 2.2 takes no other image there).`,
  );
  return makeElement(
    'object',
    'html',
    {
      data: src,
      type: imageType(src),
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    },
    alt ? [{ kind: 'text', text: alt }] : [],
  );
}
