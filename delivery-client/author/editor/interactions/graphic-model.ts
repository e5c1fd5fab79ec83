/** Shared by the graphic interactions: a picture and areas (hotspots) drawn on it. */
import { qti } from '../editor-item.ts';
import type { InteractionState } from '../editor-item.ts';
import type { AuthoringContentElement } from '../../../../item-bank/client.ts';
import {
  areaElements,
  firstObject,
  named,
  pictureObject,
  promptNodes,
  readArea,
  readPicture,
  readPrompt,
  RESPONSE,
} from './interaction-model.ts';

export function graphicElement(
  name: string,
  s: InteractionState,
  areaName: string,
  attributes: Record<string, string>,
  extra: AuthoringContentElement[] = [],
): AuthoringContentElement {
  return qti(name, { responseIdentifier: RESPONSE, ...attributes }, [
    ...promptNodes(s.prompt),
    pictureObject(s.picture),
    ...extra,
    ...areaElements(areaName, s.areas, areaName === 'associableHotspot'),
  ]);
}

export function readGraphic(e: AuthoringContentElement, areaName: string): Partial<InteractionState> {
  return {
    prompt: readPrompt(e),
    picture: readPicture(firstObject(e)),
    areas: named(e, areaName).map(readArea),
  };
}

/** A point inside an area: its centre (a key for the rare player that wants a correct response). */
export function centreOf(shape: string, coords: number[]): string {
  if (shape === 'circle') return `${coords[0] ?? 0} ${coords[1] ?? 0}`;
  const xs = coords.filter((_, i) => i % 2 === 0);
  const ys = coords.filter((_, i) => i % 2 === 1);
  const mid = (v: number[]) => (v.length ? Math.round((Math.min(...v) + Math.max(...v)) / 2) : 0);
  return `${mid(xs)} ${mid(ys)}`;
}
