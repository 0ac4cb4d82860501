// Property-based fuzzing of every zod schema in lib/validations: random values, the hostile corpus
// and near-valid objects (the schema's own keys with hostile values) never make a schema throw,
// and through parseOrThrow (the boundary every route and action uses) they become either data or
// an AppError (422/413), never anything that would surface as a 500.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "../errors";
import { parseOrThrow } from "../http";
import { HOSTILE_VALUES, hostileStrings } from "../testing/hostile-inputs";
import * as adminUsers from "./admin-users";
import * as agenda from "./agenda";
import * as agendaAdmin from "./agenda-admin";
import * as auth from "./auth";
import * as insights from "./insights";
import * as notes from "./notes";
import * as stars from "./stars";
import * as teams from "./teams";
import * as writeups from "./writeups";

const MODULES = { adminUsers, agenda, agendaAdmin, auth, insights, notes, stars, teams, writeups };

const schemas: [string, z.ZodType][] = Object.entries(MODULES).flatMap(([mod, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => [`${mod}.${name}`, schema] as [string, z.ZodType]),
);

// Kept small so each property runs in well under a second.
const hostile = hostileStrings({ oversized: false });
const big = ["a".repeat(81), "가".repeat(3_000), "x".repeat(10_001)];
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostile, ...big) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4 }) },
);

/** The object keys a schema reads, looking through refinements, pipes, intersections and unions. */
function keysOf(schema: z.ZodType, depth = 0): string[] {
  if (depth > 5) return [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") return Object.keys(def.shape as object);
  const inner = ["in", "out", "innerType", "schema", "left", "right"].flatMap((k) =>
    def[k] instanceof z.ZodType ? keysOf(def[k] as z.ZodType, depth + 1) : [],
  );
  const options = Array.isArray(def.options) ? (def.options as z.ZodType[]).flatMap((o) => keysOf(o, depth + 1)) : [];
  return [...new Set([...inner, ...options])];
}

function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  if (!keys.length) return value;
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  return fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: value });
}

describe("every zod schema in lib/validations", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(30);
    expect(schemas.map(([n]) => n)).toContain("notes.noteSaveInput");
  });

  for (const [name, schema] of schemas) {
    it(`${name}: random and hostile input never throws; parseOrThrow yields data or an AppError`, () => {
      fc.assert(
        fc.property(inputFor(schema), (input) => {
          const result = schema.safeParse(input);
          expect(typeof result.success).toBe("boolean");
          try {
            const data = parseOrThrow(schema, input);
            expect(result.success).toBe(true);
            // What passed validation can be stored and sent: it serialises.
            expect(() => JSON.stringify(data)).not.toThrow();
          } catch (e) {
            expect(isAppError(e), String(e)).toBe(true);
            expect(["INVALID", "TOO_LARGE"]).toContain((e as { code: string }).code);
            expect(result.success).toBe(false);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("schemas refuse what the house rules refuse", () => {
  it("ids never carry markup, SQL or path characters", () => {
    for (const s of hostileStrings({ oversized: false })) {
      if (/^[A-Za-z0-9_-]{1,64}$/.test(s.trim())) continue;
      expect(stars.starInput.safeParse({ talkId: s, starred: true }).success, JSON.stringify(s)).toBe(false);
      expect(notes.noteTagRemoveInput.safeParse({ noteId: s, tagId: "t1" }).success, JSON.stringify(s)).toBe(false);
    }
  });

  it("a note body over 1 MB is TOO_LARGE (413), not INVALID", () => {
    const input = { opId: "op-12345678", noteId: "n1", eventId: "e1", baseVersion: 1, body: "가".repeat(400_000) };
    try {
      parseOrThrow(notes.noteSaveInput, input);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe("TOO_LARGE");
    }
  });
});
