/**
 * A small description of a JSON record's shape: enough to write its keys in a fixed order and
 * to check text read back against it. Object shapes list their keys in the order they are
 * written.
 */
export type Shape =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'literal'; readonly values: readonly (string | number)[] }
  | { readonly kind: 'nullable'; readonly of: Shape }
  | { readonly kind: 'array'; readonly of: Shape }
  | { readonly kind: 'record'; readonly keys: readonly string[]; readonly of: Shape }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: 'union'; readonly tag: string; readonly variants: Readonly<Record<string, Shape>> };

/** The TypeScript type a shape describes (used to check the ledger's shape against its types). */
export type ShapeType<S> = S extends { kind: 'string' }
  ? string
  : S extends { kind: 'number' | 'integer' }
    ? number
    : S extends { kind: 'boolean' }
      ? boolean
      : S extends { kind: 'literal'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'nullable'; of: infer O }
          ? ShapeType<O> | null
          : S extends { kind: 'array'; of: infer O }
            ? ShapeType<O>[]
            : S extends { kind: 'record'; keys: readonly (infer K extends string)[]; of: infer O }
              ? Partial<Record<K, ShapeType<O>>>
              : S extends { kind: 'object'; fields: infer F }
                ? { -readonly [K in keyof F]: ShapeType<F[K]> }
                : S extends { kind: 'union'; variants: infer V }
                  ? { [K in keyof V]: ShapeType<V[K]> }[keyof V]
                  : never;

/** Shape builders, e.g. `s.object({ id: s.string, at: s.nullable(s.string) })`. */
export const s = {
  string: { kind: 'string' },
  number: { kind: 'number' },
  integer: { kind: 'integer' },
  boolean: { kind: 'boolean' },
  literal: <const V extends readonly (string | number)[]>(...values: V) =>
    ({ kind: 'literal', values }) as const,
  nullable: <const O extends Shape>(of: O) => ({ kind: 'nullable', of }) as const,
  array: <const O extends Shape>(of: O) => ({ kind: 'array', of }) as const,
  record: <const K extends readonly string[], const O extends Shape>(keys: K, of: O) =>
    ({ kind: 'record', keys, of }) as const,
  object: <const F extends Record<string, Shape>>(fields: F) => ({ kind: 'object', fields }) as const,
  union: <const V extends Record<string, Shape>>(tag: string, variants: V) =>
    ({ kind: 'union', tag, variants }) as const,
} as const;

/** Where a value does not fit its shape: a JSON path such as `events[3].date.from`, and why. */
export interface ShapeMismatch {
  readonly path: string;
  readonly problem: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
    : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first place where `value` does not fit `shape`, or null when it fits. Unknown keys in an
 * object are a mismatch too: a newer writer's field must not vanish silently.
 *
 * @example
 * firstMismatch({ a: 1 }, s.object({ a: s.string })) // { path: 'a', problem: 'expected a string, got number' }
 */
export function firstMismatch(value: unknown, shape: Shape, path = ''): ShapeMismatch | null {
  const at = (problem: string): ShapeMismatch => ({ path: path || '(top level)', problem });
  switch (shape.kind) {
    case 'string':
      return typeof value === 'string' ? null : at(`expected a string, got ${describe(value)}`);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : at(`expected a number, got ${describe(value)}`);
    case 'integer':
      return Number.isInteger(value) ? null : at(`expected an integer, got ${describe(value)}`);
    case 'boolean':
      return typeof value === 'boolean' ? null : at(`expected true or false, got ${describe(value)}`);
    case 'literal':
      return shape.values.includes(value as string | number)
        ? null
        : at(
            `expected one of ${shape.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`,
          );
    case 'nullable':
      return value === null ? null : firstMismatch(value, shape.of, path);
    case 'array': {
      if (!Array.isArray(value)) return at(`expected an array, got ${describe(value)}`);
      for (const [i, item] of value.entries()) {
        const found = firstMismatch(item, shape.of, `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    }
    case 'record': {
      if (!isPlainObject(value)) return at(`expected an object, got ${describe(value)}`);
      for (const [key, item] of Object.entries(value)) {
        if (!shape.keys.includes(key)) return at(`unexpected key "${key}"`);
        const found = firstMismatch(item, shape.of, join(path, key));
        if (found) return found;
      }
      return null;
    }
    case 'object': {
      if (!isPlainObject(value)) return at(`expected an object, got ${describe(value)}`);
      for (const [key, fieldShape] of Object.entries(shape.fields)) {
        if (!(key in value)) return at(`missing field "${key}"`);
        const found = firstMismatch(value[key], fieldShape, join(path, key));
        if (found) return found;
      }
      for (const key of Object.keys(value))
        if (!(key in shape.fields)) return at(`unexpected field "${key}"`);
      return null;
    }
    case 'union': {
      if (!isPlainObject(value)) return at(`expected an object, got ${describe(value)}`);
      const variant = shape.variants[String(value[shape.tag])];
      if (!variant)
        return at(
          `expected "${shape.tag}" to be one of ${Object.keys(shape.variants).join(', ')}, got ${describe(value[shape.tag])}`,
        );
      return firstMismatch(value, variant, path);
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * A copy of `value` with every object's keys in its shape's order (record keys sorted), so that
 * the same ledger always serialises to the same text. Assumes the value fits the shape.
 *
 * @example inShapeOrder({ b: 1, a: 'x' }, s.object({ a: s.string, b: s.number })) // { a: 'x', b: 1 }
 */
export function inShapeOrder(value: unknown, shape: Shape): unknown {
  switch (shape.kind) {
    case 'nullable':
      return value === null ? null : inShapeOrder(value, shape.of);
    case 'array':
      return (value as unknown[]).map((item) => inShapeOrder(item, shape.of));
    case 'record': {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
      return Object.fromEntries(entries.map(([key, item]) => [key, inShapeOrder(item, shape.of)]));
    }
    case 'object': {
      const object = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shape.fields).map(([key, fieldShape]) => [key, inShapeOrder(object[key], fieldShape)]),
      );
    }
    case 'union': {
      const object = value as Record<string, unknown>;
      const variant = shape.variants[String(object[shape.tag])];
      return variant ? inShapeOrder(value, variant) : value;
    }
    default:
      return value;
  }
}
