/**
 * The custom-operator registry. An item names an operator by `class` or `definition`; the
 * vendor operators found in Dutch (Cito, `qade:`/`depcp:`/`questify:`) and Vietnamese item banks
 * are built in. An operator nobody registered evaluates to NULL, as other engines do, so
 * processing can still test it with isNull.
 */
import type { ProcessingNode } from '../../item-bank/index.ts';
import type { QtiValue } from '../values/value.ts';

export type CustomOperator = (args: QtiValue[], node: ProcessingNode) => QtiValue;

const firstString = (args: QtiValue[]) => {
  const v = args[0];
  return v && v.cardinality === 'single' ? String(v.value) : undefined;
};
const text = (value: string): QtiValue => ({ cardinality: 'single', baseType: 'string', value });

const trim: CustomOperator = (args) => {
  const s = firstString(args);
  return s === undefined ? null : text(s.trim());
};

/** Decomposes (NFD), drops the non-spacing marks and recomposes: "tḝst" -> "test", "Hà Nội" -> "Ha Noi". */
const toAscii: CustomOperator = (args) => {
  const s = firstString(args);
  return s === undefined
    ? null
    : text(
        s
          .normalize('NFD')
          .replace(/\p{Mn}/gu, '')
          .normalize('NFC'),
      );
};

/** "3,14" -> 3.14 (the first comma is the decimal separator); anything else that is not a number is NULL. */
const parseCommaDecimal: CustomOperator = (args) => {
  const s = firstString(args)?.trim().replace(',', '.');
  const n = s === undefined || s === '' ? NaN : Number(s);
  return Number.isFinite(n) ? { cardinality: 'single', baseType: 'float', value: n } : null;
};

/** Custom operators by class name or definition URI. Register more with `customOperators.set(name, fn)`. */
export const customOperators = new Map<string, CustomOperator>();
for (const prefix of ['qade', 'depcp', 'questify']) {
  customOperators.set(`${prefix}:Trim`, trim);
  customOperators.set(`${prefix}:ToAscii`, toAscii);
  customOperators.set(`${prefix}:ParseCommaDecimal`, parseCommaDecimal);
}

/** The operator an element names (`class` first, then `definition`), if one is registered. */
export function findCustomOperator(node: ProcessingNode): CustomOperator | undefined {
  for (const key of [node.attributes.class, node.attributes.definition])
    if (key !== undefined && customOperators.has(key)) return customOperators.get(key);
  return undefined;
}
