// The hostile input corpus (fixture: hostile-inputs.json) plus generated oversized and malformed
// values. Shared by the fuzz tests (lib/**/*.fuzz.test.ts) and the browser test
// e2e/security.spec.ts. XSS payloads call window.__pwned(id) or alert(): the browser test hooks both.
import corpus from "./hostile-inputs.json" with { type: "json" };

export const XSS_PAYLOADS: readonly string[] = corpus.xss;
export const SQL_PAYLOADS: readonly string[] = corpus.sql;
export const UNICODE_PAYLOADS: readonly string[] = corpus.unicode;
export const STRUCTURAL_PAYLOADS: readonly string[] = corpus.structural;

/** Strings over the usual field limits (80-char names, 10k comments, 1 MB notes). */
export function oversizedStrings(): string[] {
  return ["a".repeat(81), "가".repeat(5_000), "x".repeat(10_001), "<b>".repeat(40_000), "y".repeat(1_000_001)];
}

/** Lone surrogates: valid JS strings, invalid UTF-16; JSON.stringify escapes them. */
export const MALFORMED_UNICODE: readonly string[] = ["\ud800", "a\udc00b", "\udfff\ud800"];

/** Every string payload, small ones first (oversized last). */
export function hostileStrings({ oversized = true }: { oversized?: boolean } = {}): string[] {
  return [
    ...XSS_PAYLOADS,
    ...SQL_PAYLOADS,
    ...UNICODE_PAYLOADS,
    ...STRUCTURAL_PAYLOADS,
    ...MALFORMED_UNICODE,
    ...(oversized ? oversizedStrings() : []),
  ];
}

/** Non-string values that arrive where a string or id is expected (JSON bodies, action arguments). */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  [],
  ["a", "b"],
  {},
  { toString: "x" },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { $gt: "" },
  { contains: "" },
];

/** Raw bodies for JSON endpoints: malformed JSON, wrong shapes, invalid UTF-8. */
export const MALFORMED_BODIES: readonly (string | Uint8Array)[] = [
  "",
  "{",
  "[1,2",
  "null",
  "[]",
  '"just a string"',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true}}',
  '{"body": "\\ud800"}',
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
  "x".repeat(3_000_000),
];
