// First-load JavaScript per route, from the build output: the root main files every page loads
// (build-manifest.json) plus the client chunks of the route's layouts, page and boundaries
// (entryJSFiles in the route's client-reference manifest), each gzipped as a server would.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

export type RouteJs = { route: string; files: number; rawKB: number; gzipKB: number };

function manifests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) manifests(full, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** "/(app)/events/[slug]/page" → "/events/[slug]" */
function routeName(key: string): string {
  return key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
}

export function firstLoadJs(distDir: string): RouteJs[] {
  const root = path.resolve(distDir);
  const build = JSON.parse(readFileSync(path.join(root, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gz = new Map<string, { raw: number; gzip: number }>();
  const size = (file: string) => {
    let s = gz.get(file);
    if (!s) {
      const p = path.join(root, file.replace(/^\/?_next\//, ""));
      const buf = existsSync(p) ? readFileSync(p) : Buffer.alloc(0);
      s = { raw: buf.length, gzip: buf.length ? gzipSync(buf, { level: 9 }).length : 0 };
      gz.set(file, s);
    }
    return s;
  };
  const rows: RouteJs[] = [];
  for (const file of manifests(path.join(root, "server", "app"))) {
    const sandbox = { globalThis: {} as Record<string, unknown> };
    vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
    const all = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<
      string,
      { entryJSFiles?: Record<string, string[]> }
    >;
    for (const [key, manifest] of Object.entries(all)) {
      if (key.startsWith("/_")) continue; // _not-found, _global-error
      const files = new Set(build.rootMainFiles);
      for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
      let raw = 0;
      let gzip = 0;
      for (const f of files) {
        const s = size(f);
        raw += s.raw;
        gzip += s.gzip;
      }
      rows.push({ route: routeName(key), files: files.size, rawKB: raw / 1024, gzipKB: gzip / 1024 });
    }
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

if (process.argv[1]?.endsWith("first-load.ts")) {
  for (const r of firstLoadJs(process.argv[2] ?? ".next"))
    console.log(
      `${r.route.padEnd(45)} ${String(r.files).padStart(3)} files ${r.rawKB.toFixed(1).padStart(7)} KB ${r.gzipKB.toFixed(1).padStart(7)} KB gzip`,
    );
}
