/**
 * How large a saved response may be, by the QTI baseType and cardinality of its declaration (and
 * the interaction that collects it). A save over a limit is refused with `response_too_large`,
 * naming the limit, before anything is stored. The whole socket message is also capped by
 * Socket.IO's maxHttpBufferSize (256 KiB, engine.ts) and every string by the protocol's schema.
 *
 * | baseType                     | limit per value                                    |
 * | ---------------------------- | -------------------------------------------------- |
 * | identifier, intOrIdentifier  | 256 characters                                     |
 * | pair, directedPair           | 513 characters (two identifiers and a space)       |
 * | point                        | 64 characters as text, or two numbers              |
 * | integer                      | a 32-bit integer (QTI integer), 32 chars as text   |
 * | float                        | a finite number, 64 chars as text                  |
 * | boolean                      | true/false                                         |
 * | duration                     | 64 characters                                      |
 * | uri                          | 2,048 characters                                   |
 * | string (textEntry)           | 1,000 characters                                   |
 * | string (other: extended text, code) | 100,000 characters                          |
 * | file                         | 72,000 bytes decoded (a data URL; the client's own cap), or the engine's `maxFileResponseBytes` |
 *
 * | cardinality       | values                                                                  |
 * | ----------------- | ----------------------------------------------------------------------- |
 * | single            | 1 (a pair or point may come as a two-element array)                    |
 * | multiple, ordered | the interaction's maxChoices / maxAssociations / maxStrings when > 0, else 100 |
 * | record            | 50 fields                                                               |
 */
import {
  isInteraction,
  walkContent,
  type AssessmentItem,
  type BaseType,
  type Cardinality,
} from '../../item-bank/index.ts';
import type { ItemResponses, ResponseValue } from '../protocol/candidate.ts';

/** Characters allowed per value, by baseType (file: see MAX_FILE_BYTES). */
export const MAX_VALUE_CHARS: Record<BaseType, number> = {
  identifier: 256,
  intOrIdentifier: 256,
  pair: 513,
  directedPair: 513,
  point: 64,
  integer: 32,
  float: 64,
  boolean: 5,
  duration: 64,
  uri: 2_048,
  string: 100_000,
  file: 100_000,
};
/** A textEntryInteraction is a short answer field. */
export const MAX_TEXT_ENTRY_CHARS = 1_000;
/** Decoded bytes of a file response (the candidate client refuses larger files before sending). */
export const MAX_FILE_BYTES = 72_000;
/** Values of a multiple or ordered response when its interaction states no maximum. */
export const MAX_CONTAINER_VALUES = 100;
export const MAX_RECORD_FIELDS = 50;
/** QTI integer is a 32-bit signed integer. */
const MAX_INTEGER = 2_147_483_647;

export interface ResponseSizeProblem {
  responseIdentifier: string;
  baseType: BaseType | 'unknown';
  /** What was over: one value's length, a number's range, or the count of values. */
  limit: 'chars' | 'bytes' | 'range' | 'values' | 'fields';
  max: number;
  message: string;
}

interface ResponseShape {
  baseType?: BaseType;
  cardinality: Cardinality;
  interaction?: string;
  maxValues?: number;
}

const positiveAttr = (attributes: Record<string, string>, name: string) => {
  const n = Number(attributes[name]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

const shapes = new WeakMap<object, Map<string, ResponseShape>>();

/** Each response declaration's baseType and cardinality, with the interaction that collects it. */
function shapesOf(item: AssessmentItem): Map<string, ResponseShape> {
  let found = shapes.get(item);
  if (found) return found;
  found = new Map();
  for (const d of item.declarations ?? [])
    if (d.kind === 'response') found.set(d.identifier, { baseType: d.baseType, cardinality: d.cardinality });
  if (item.body) {
    for (const el of walkContent([item.body])) {
      if (!isInteraction(el.name)) continue;
      const shape = found.get(el.attributes.responseIdentifier ?? '');
      if (!shape) continue;
      shape.interaction = el.name;
      shape.maxValues =
        positiveAttr(el.attributes, 'maxChoices') ??
        positiveAttr(el.attributes, 'maxAssociations') ??
        positiveAttr(el.attributes, 'maxStrings');
    }
  }
  shapes.set(item, found);
  return found;
}

const isPairLike = (t: BaseType | undefined) => t === 'pair' || t === 'directedPair' || t === 'point';

/** The values of a response as the limits count them. */
function valuesOf(value: ResponseValue, shape: ResponseShape | undefined): unknown[] {
  if (value === null || value === '') return [];
  if (Array.isArray(value)) {
    const oneTuple = shape?.cardinality === 'single' && isPairLike(shape.baseType) && value.length === 2;
    return oneTuple ? [value.join(' ')] : value;
  }
  if (typeof value === 'object') return Object.values(value);
  return [value];
}

const fileBytes = (dataUrl: string) => {
  const comma = dataUrl.indexOf(',');
  const base64 = comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
};

/** Limits a deployment may set (the rest are fixed by QTI's types). */
export interface ResponseLimitOptions {
  /** Decoded bytes of a file response; MAX_FILE_BYTES when unset. */
  maxFileBytes?: number;
}

function valueProblem(
  id: string,
  v: unknown,
  shape: ResponseShape | undefined,
  options: ResponseLimitOptions,
): ResponseSizeProblem | undefined {
  const baseType = shape?.baseType;
  const named = baseType ?? 'unknown';
  if (typeof v === 'number') {
    if (baseType === 'integer' && Math.abs(v) > MAX_INTEGER)
      return {
        responseIdentifier: id,
        baseType: named,
        limit: 'range',
        max: MAX_INTEGER,
        message: `The answer to ${id} is too large: an integer answer must be between -${MAX_INTEGER} and ${MAX_INTEGER}.`,
      };
    return undefined;
  }
  if (typeof v !== 'string') return undefined;
  if (baseType === 'file') {
    const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    if (fileBytes(v) > maxBytes)
      return {
        responseIdentifier: id,
        baseType: named,
        limit: 'bytes',
        max: maxBytes,
        message: `The file for ${id} is too large: at most ${maxBytes} bytes.`,
      };
  }
  const max =
    baseType === 'string' && shape?.interaction === 'textEntryInteraction'
      ? MAX_TEXT_ENTRY_CHARS
      : MAX_VALUE_CHARS[baseType ?? 'string'];
  if (v.length > max)
    return {
      responseIdentifier: id,
      baseType: named,
      limit: 'chars',
      max,
      message: `The answer to ${id} is too long: at most ${max} characters for a ${named} value.`,
    };
  return undefined;
}

/**
 * The first part of `responses` over its limit, or undefined when all fit. Responses the item
 * does not declare get the loosest limits (a string's), so an item model without declarations
 * is still bounded.
 */
export function responseSizeProblem(
  item: unknown,
  responses: ItemResponses,
  options: ResponseLimitOptions = {},
): ResponseSizeProblem | undefined {
  const model = item as AssessmentItem | undefined;
  const known =
    model && typeof model === 'object' && Array.isArray(model.declarations) ? shapesOf(model) : undefined;
  for (const [id, value] of Object.entries(responses)) {
    const shape = known?.get(id);
    const values = valuesOf(value, shape);
    const named = shape?.baseType ?? 'unknown';
    if (shape?.cardinality === 'record' || (!Array.isArray(value) && value && typeof value === 'object')) {
      if (values.length > MAX_RECORD_FIELDS)
        return {
          responseIdentifier: id,
          baseType: named,
          limit: 'fields',
          max: MAX_RECORD_FIELDS,
          message: `The answer to ${id} has too many fields: at most ${MAX_RECORD_FIELDS}.`,
        };
    } else {
      const maxValues = shape?.cardinality === 'single' ? 1 : (shape?.maxValues ?? MAX_CONTAINER_VALUES);
      if (values.length > maxValues)
        return {
          responseIdentifier: id,
          baseType: named,
          limit: 'values',
          max: maxValues,
          message: `The answer to ${id} has too many values: at most ${maxValues}.`,
        };
    }
    for (const v of values) {
      const problem = valueProblem(id, v, shape, options);
      if (problem) return problem;
    }
  }
  return undefined;
}
