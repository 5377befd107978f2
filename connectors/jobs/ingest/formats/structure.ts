// A small structural checker for JSON: walks a value along a spec, collects a reason per wrong type
// ("headline must be a string, got number") and returns the value with every missing part filled in
// (null for leaves and objects, [] for lists), so that typed code after it never meets a surprise.
import { isObject, LIMITS, typeName } from './limits.ts';

export type Spec =
  | 'string' | 'number' | 'integer' | 'boolean' | 'id'
  | { object: Record<string, Spec> }
  | { list: Spec; orNull?: boolean }
  | { tuple: 'number'; length: number }
  | { record: Spec };

export function checkStructure(value: unknown, spec: Spec, path: string, reasons: string[]): unknown {
  if (value === undefined || value === null) return typeof spec === 'object' && 'list' in spec && !spec.orNull ? [] : null;
  if (spec === 'string') return typeof value === 'string' ? value : wrong(path, 'a string', value, reasons);
  if (spec === 'boolean') return typeof value === 'boolean' ? value : wrong(path, 'true or false', value, reasons);
  if (spec === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : wrong(path, 'a number', value, reasons);
  if (spec === 'integer') return Number.isSafeInteger(value) ? value : wrong(path, 'an integer', value, reasons);
  if (spec === 'id') {
    // Ids are strings in JobSearch; whole numbers are read as their digits.
    if (typeof value === 'string') return value;
    return Number.isSafeInteger(value) ? String(value) : wrong(path, 'a string', value, reasons);
  }
  if ('object' in spec) {
    if (!isObject(value)) return wrong(path, 'an object', value, reasons);
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(spec.object)) out[k] = checkStructure(value[k], s, path ? `${path}.${k}` : k, reasons);
    return out;
  }
  if ('list' in spec) {
    if (!Array.isArray(value)) return wrong(path, 'a list', value, reasons);
    if (value.length > LIMITS.listLength) { reasons.push(`${path} has ${value.length} entries; at most ${LIMITS.listLength} are allowed`); return []; }
    return value.map((v, i) => (v === null || v === undefined
      ? wrong(`${path}[${i}]`, 'a value', v, reasons)
      : checkStructure(v, spec.list, `${path}[${i}]`, reasons)));
  }
  if ('tuple' in spec) {
    if (!Array.isArray(value) || value.length !== spec.length || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      return wrong(path, `a list of ${spec.length} numbers`, value, reasons);
    }
    return value;
  }
  if (!isObject(value)) return wrong(path, 'an object', value, reasons);
  const keys = Object.keys(value);
  if (keys.length > LIMITS.listLength) { reasons.push(`${path} has ${keys.length} keys; at most ${LIMITS.listLength} are allowed`); return null; }
  return Object.fromEntries(keys.map((k) => [k, checkStructure(value[k], spec.record, `${path}.${k}`, reasons)]));
}

function wrong(path: string, expected: string, value: unknown, reasons: string[]): null {
  reasons.push(`${path} must be ${expected}, got ${typeName(value)}`);
  return null;
}
