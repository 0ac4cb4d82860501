// Data parsed from a user's file must not carry keys that reach a prototype. Parsers differ in what
// they do with `__proto__` (JSON.parse and yaml make it an own key, smol-toml uses null-prototype
// tables, fast-xml-parser throws, papaparse assigns it), and an own `__proto__` key is still a trap:
// `Object.assign(target, parsed)` or a hand-written merge later sets target's prototype with it. So
// every importer passes its parser's output through here: the three keys are dropped at any depth,
// and what comes out is plain objects and arrays that only hold what the file said.

/** Keys that reach Object.prototype (or a constructor) when code copies or merges the object. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/** Deeper than any schedule, backup or front matter is nested: a deeper value is refused. */
export const MAX_PARSED_DEPTH = 100;

export class TooDeepError extends Error {
  constructor(readonly limit: number) {
    super(`The data is nested more than ${limit} levels deep.`);
    this.name = "TooDeepError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * A copy of `value` without `__proto__`/`constructor`/`prototype` keys at any depth: objects become
 * plain objects with only their own enumerable keys, arrays stay arrays, Dates and primitives stay
 * as they are. Iterative (a deep value cannot overflow the stack); throws TooDeepError past `maxDepth`.
 */
export function withoutPrototypeKeys<T>(value: T, maxDepth = MAX_PARSED_DEPTH): T {
  if (!isRecord(value) && !Array.isArray(value)) return value;
  const copy = (v: unknown): unknown => (Array.isArray(v) ? new Array<unknown>(v.length) : isRecord(v) ? {} : v);
  const root = copy(value);
  const stack: { from: unknown; to: unknown; depth: number }[] = [{ from: value, to: root, depth: 1 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    if (depth > maxDepth) throw new TooDeepError(maxDepth);
    const entries: [string | number, unknown][] = Array.isArray(from)
      ? from.map((v, i) => [i, v])
      : Object.keys(from as object).map((k) => [k, (from as Record<string, unknown>)[k]]);
    for (const [key, v] of entries) {
      if (typeof key === "string" && PROTOTYPE_KEYS.has(key)) continue;
      const child = copy(v);
      // defineProperty: even a key this filter does not know could never act as a setter.
      Object.defineProperty(to, key, { value: child, enumerable: true, writable: true, configurable: true });
      if (child !== v) stack.push({ from: v, to: child, depth: depth + 1 });
    }
  }
  return root as T;
}

/** JSON.parse that drops prototype keys while reading (a reviver), so no such key is ever an own property. */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, v: unknown) => (PROTOTYPE_KEYS.has(key) ? undefined : v));
}
