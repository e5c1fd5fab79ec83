/** The package files an item's content refers to (img src, object data, audio/video sources), where each is named. */
import { walkContent, type ContentNode } from '../model/content.ts';
import type { AssessmentItem } from '../model/item.ts';

const MEDIA_ATTRIBUTES: Record<string, string> = {
  img: 'src',
  object: 'data',
  source: 'src',
  audio: 'src',
  video: 'src',
  track: 'src',
};

export interface MediaReference {
  href: string;
  line: number;
  column: number;
}

/** Every reference to a package file in content, in document order (URLs with a scheme and #fragments are not files). */
export function* mediaReferencesIn(content: ContentNode[]): Generator<MediaReference> {
  for (const e of walkContent(content)) {
    const attr = MEDIA_ATTRIBUTES[e.name];
    const href = attr ? e.attributes[attr] : undefined;
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#'))
      yield { href, line: e.line ?? 1, column: e.column ?? 1 };
  }
}

/** The media references of an item's body and modal feedback, then its PCIs' module files. */
export function* mediaReferencesOf(
  item: Pick<AssessmentItem, 'body' | 'modalFeedback' | 'portableInteractions'>,
): Generator<MediaReference> {
  yield* mediaReferencesIn([item.body, ...item.modalFeedback.flatMap((f) => f.content)]);
  for (const pci of item.portableInteractions ?? [])
    for (const m of pci.modules)
      yield { href: m.path, line: m.line ?? pci.location.line, column: m.column ?? pci.location.column };
}
