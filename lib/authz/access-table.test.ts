import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_TABLE } from "./access-table";

// The static half of the permission matrix: the table must name every page, route handler (per
// method) and server action in the code, and nothing that no longer exists. e2e/permissions.spec.ts
// then calls each one over HTTP as every actor.

const root = process.cwd();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** app/(app)/events/[slug]/page.tsx → /events/[slug] */
export function urlPattern(file: string): string {
  const parts = path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((p) => p && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

function discover() {
  const files = walk(path.join(root, "app"));
  const pages = files.filter((f) => /\/page\.tsx?$/.test(f)).map((f) => `page ${urlPattern(f)}`);
  const routes = files
    .filter((f) => /\/route\.tsx?$/.test(f))
    .flatMap((f) => {
      const src = readFileSync(f, "utf8");
      const methods = [
        ...src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]);
      // `export const { GET, POST } = …` and `export { handler as GET, handler as POST }`
      for (const m of src.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g))
        methods.push(...[...m[1]!.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((x) => x[1]!));
      return [...new Set(methods)].map((method) => `route ${method} ${urlPattern(f)}`);
    });
  const actionDir = path.join(root, "lib", "actions");
  const actions = readdirSync(actionDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "safe-action.ts")
    .flatMap((f) => {
      const src = readFileSync(path.join(actionDir, f), "utf8");
      expect(src.startsWith('"use server"'), `${f} is a server action module`).toBe(true);
      return [...src.matchAll(/export\s+async\s+function\s+(\w+)/g)].map(
        (m) => `action ${f.replace(/\.ts$/, "")}#${m[1]}`,
      );
    });
  return [...pages, ...routes, ...actions].sort();
}

const key = (r: (typeof ACCESS_TABLE)[number]) =>
  r.surface === "route" ? `route ${r.method} ${r.target}` : `${r.surface} ${r.target}`;

describe("access table", () => {
  it("has exactly one row for every page, route handler method and server action", () => {
    const inCode = discover();
    const inTable = ACCESS_TABLE.map(key).sort();
    expect(
      inTable.filter((k, i) => inTable.indexOf(k) !== i),
      "duplicate rows",
    ).toEqual([]);
    expect(
      inCode.filter((k) => !inTable.includes(k)),
      "in the code but not in lib/authz/access-table.ts",
    ).toEqual([]);
    expect(
      inTable.filter((k) => !inCode.includes(k)),
      "in the table but gone from the code",
    ).toEqual([]);
  });

  it("routes name their method; refused rows say how", () => {
    for (const row of ACCESS_TABLE) {
      if (row.surface === "route") expect(row.method, row.target).toBeDefined();
      if (row.allow.length < 6) expect(row.refusal, `${row.target} refuses someone: say how`).toBeDefined();
    }
  });
});
