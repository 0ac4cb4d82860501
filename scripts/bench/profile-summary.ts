// Top functions of a V8 CPU profile (node --cpu-prof): self time and inclusive time (a function
// counted once per sample however deep it recurses), as % of all samples. For docs/performance.md:
//   tsx scripts/bench/profile-summary.ts <file.cpuprofile | dir> [top=25]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function files(arg: string): string[] {
  if (!statSync(arg).isDirectory()) return [arg];
  // The biggest profile in the directory: the server process (next start may leave small ones).
  const all = readdirSync(arg)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(arg, f));
  return all.sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 1);
}

const short = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules\//, "")
    .replace(/^.*\/(\.next[^/]*)\//, "$1/")
    .replace(/^\/work\/[^/]+\//, "");

export function summarize(file: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: Node) =>
    `${n.callFrame.functionName || "(anonymous)"} ${short(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [i, id] of p.samples.entries()) {
    const dt = p.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    total += dt;
    if (n.callFrame.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  const busy = total - idle;
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, skip: (k: string) => boolean) =>
    [...m]
      .filter(([k]) => !skip(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${pct(v)}  ${k}`)
      .join("\n");
  const generic = (k: string) =>
    /^\((root|program|garbage collector)\)|^\(anonymous\) $|^processTicksAndRejections|^runMicrotasks/.test(k);
  return [
    `${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)`,
    `(garbage collector) ${pct(self.get("(garbage collector) ") ?? 0)}, (program) ${pct(self.get("(program) ") ?? 0)}`,
    "self time:",
    list(self, (k) => k.startsWith("(root)")),
    "inclusive time:",
    list(incl, generic),
  ].join("\n");
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const [arg, top] = process.argv.slice(2);
  for (const f of files(arg)) console.log(summarize(f, Number(top ?? 25)));
}
