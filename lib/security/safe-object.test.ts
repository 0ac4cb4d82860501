import { describe, expect, it } from "vitest";
import { MAX_PARSED_DEPTH, parseJsonSafely, TooDeepError, withoutPrototypeKeys } from "./safe-object";

const HOSTILE =
  '{"__proto__": {"polluted": 1}, "a": {"constructor": {"prototype": {"polluted": 2}}, "b": [{"__proto__": {"x": 1}, "ok": true}]}, "prototype": 3, "keep": "yes"}';

/** What Object.assign / a naive merge does with the result: the usual way a prototype key bites. */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>) {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      mergeInto((target[key] ??= {}) as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}

describe("withoutPrototypeKeys", () => {
  it("drops __proto__, constructor and prototype at any depth and keeps everything else", () => {
    const clean = withoutPrototypeKeys(JSON.parse(HOSTILE) as Record<string, unknown>);
    expect(clean).toEqual({ a: { b: [{ ok: true }] }, keep: "yes" });
    expect(JSON.stringify(clean)).not.toMatch(/__proto__|constructor|prototype/);
    const target: Record<string, unknown> = {};
    mergeInto(target, clean);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
  });

  it("the same hostile JSON without it pollutes what it is merged into (the test can fail)", () => {
    const target: Record<string, unknown> = {};
    Object.assign(target, JSON.parse(HOSTILE));
    expect(target.polluted).toBe(1);
  });

  it("turns null-prototype objects into plain ones and keeps Dates, arrays and primitives", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
      d: new Date(0),
      n: [1, "x", null],
      s: "t",
    });
    const clean = withoutPrototypeKeys({ bare });
    expect(Object.getPrototypeOf(clean.bare)).toBe(Object.prototype);
    expect(clean.bare.d).toBeInstanceOf(Date);
    expect(clean).toEqual({ bare: { d: new Date(0), n: [1, "x", null], s: "t" } });
    expect(withoutPrototypeKeys("text")).toBe("text");
  });

  it("refuses values nested deeper than the limit without overflowing the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => withoutPrototypeKeys(deep)).toThrow(TooDeepError);
    let ok: unknown = "leaf";
    for (let i = 0; i < MAX_PARSED_DEPTH - 1; i++) ok = { k: ok };
    expect(() => withoutPrototypeKeys(ok)).not.toThrow();
  });
});

describe("parseJsonSafely", () => {
  it("never gives the parsed value a prototype key", () => {
    const parsed = parseJsonSafely(HOSTILE) as Record<string, unknown>;
    expect(parsed).toEqual({ a: { b: [{ ok: true }] }, keep: "yes" });
    const target: Record<string, unknown> = {};
    Object.assign(target, parsed);
    expect(target.polluted).toBeUndefined();
  });
});
