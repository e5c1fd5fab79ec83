/**
 * A PCI's response in the PCI API's JSON form (the QTI JSON binding: `{ base: { integer: 4 } }`,
 * `{ list: { identifier: ['A', 'B'] } }`, `{ record: [...] }`) to and from the engine's response
 * value, by the response's declared base type and cardinality. The PCI's state (an opaque string
 * from getState) is saved beside the response under its own key, so a reload or another device
 * resumes it.
 */
import type { ResponseValue } from '../../../../engine/client.ts';
import type { CandidateResponseShape } from '../../../../item-bank/client.ts';

/** The key a PCI's state is saved under; never a QTI identifier (those have no colon). */
export const pciStateKey = (responseIdentifier: string) => `pci-state:${responseIdentifier}`;

type Scalar = string | number | boolean | null;

/** A QTI file value of the PCI API: base64 data with its type. */
interface PciFile {
  data: string;
  mime?: string;
  name?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function scalarFromPci(baseType: string, value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  switch (baseType) {
    case 'integer':
    case 'float':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'point':
    case 'pair':
    case 'directedPair':
      return Array.isArray(value) ? value.map(String).join(' ') : String(value);
    case 'file': {
      if (!isRecord(value) || typeof value.data !== 'string') return null;
      const file = value as unknown as PciFile;
      return `data:${file.mime ?? 'application/octet-stream'};base64,${file.data}`;
    }
    default:
      return String(value);
  }
}

/** The one base-typed entry of `{ integer: 4 }`: its type and value. */
const onlyEntry = (v: unknown): [string, unknown] | undefined =>
  isRecord(v) ? (Object.entries(v)[0] as [string, unknown] | undefined) : undefined;

/** The engine's value of a PCI response (null for no answer or a shape that is not one). */
export function responseFromPci(json: unknown): ResponseValue {
  if (!isRecord(json)) return null;
  if ('base' in json) {
    const entry = onlyEntry(json.base);
    return entry ? scalarFromPci(entry[0], entry[1]) : null;
  }
  if ('list' in json) {
    const entry = onlyEntry(json.list);
    if (!entry || !Array.isArray(entry[1]) || !entry[1].length) return null;
    return entry[1]
      .map((v) => scalarFromPci(entry[0], v))
      .filter((v): v is string | number | boolean => v !== null);
  }
  if ('record' in json && Array.isArray(json.record)) {
    const out: Record<string, Scalar> = {};
    for (const field of json.record) {
      if (!isRecord(field) || typeof field.name !== 'string') continue;
      const entry = onlyEntry(field.base);
      out[field.name] = entry ? scalarFromPci(entry[0], entry[1]) : null;
    }
    return Object.keys(out).length ? out : null;
  }
  return null;
}

function scalarToPci(baseType: string, value: unknown): unknown {
  switch (baseType) {
    case 'integer':
    case 'float':
      return Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'point':
      return String(value).trim().split(/\s+/).map(Number);
    case 'pair':
    case 'directedPair':
      return String(value).trim().split(/\s+/);
    case 'file': {
      const match = /^data:([^;,]*)(?:;[^,]*)?,(.*)$/s.exec(String(value));
      return match
        ? { data: match[2], mime: match[1] || 'application/octet-stream', name: 'response' }
        : null;
    }
    default:
      return String(value);
  }
}

/** A saved value in the PCI API's form, for `config.boundTo` when the interaction is opened again. */
export function responseToPci(
  value: ResponseValue | undefined,
  shape: CandidateResponseShape | undefined,
): unknown {
  const baseType = shape?.baseType ?? 'string';
  const cardinality = shape?.cardinality ?? 'single';
  if (cardinality === 'record') {
    if (!isRecord(value) || Array.isArray(value)) return { record: null };
    return {
      record: Object.entries(value).map(([name, v]) => ({
        name,
        base:
          v === null
            ? null
            : { [typeof v === 'number' ? 'float' : typeof v === 'boolean' ? 'boolean' : 'string']: v },
      })),
    };
  }
  if (cardinality === 'multiple' || cardinality === 'ordered') {
    const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    return list.length ? { list: { [baseType]: list.map((v) => scalarToPci(baseType, v)) } } : { list: null };
  }
  if (value === null || value === undefined || value === '') return { base: null };
  const single =
    Array.isArray(value) && (baseType === 'point' || baseType === 'pair' || baseType === 'directedPair')
      ? value.join(' ')
      : value;
  return { base: { [baseType]: scalarToPci(baseType, single) } };
}
