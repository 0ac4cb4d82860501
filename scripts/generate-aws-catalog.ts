// Regenerates lib/catalog/data/aws-sdk-services.json: every service of the AWS SDK for JavaScript
// (package `aws-sdk`, Apache-2.0, published on the npm registry), read from the metadata of its
// API models (apis/*.min.json: serviceFullName, serviceAbbreviation, API version). The JSON is
// checked in, so neither the app nor the tests need the package.
//
//   npm run catalog:generate                      # packs aws-sdk@latest into a temp dir
//   npm run catalog:generate -- path/to/aws-sdk   # or reads an unpacked copy
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const OUT = path.resolve(import.meta.dirname, "../lib/catalog/data/aws-sdk-services.json");

function packageDir(): { dir: string; cleanup: () => void } {
  const given = process.argv[2];
  if (given) return { dir: path.resolve(given), cleanup: () => {} };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aws-sdk-models-"));
  const tgz = execFileSync("npm", ["pack", "aws-sdk@latest", "--silent"], { cwd: tmp, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!;
  execFileSync("tar", ["xzf", tgz, "package/apis", "package/package.json"], { cwd: tmp });
  return { dir: path.join(tmp, "package"), cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

type Entry = { id: string; fullName: string; abbreviation?: string; apiVersion: string };

const { dir, cleanup } = packageDir();
try {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    version: string;
    license: string;
  };
  const byId = new Map<string, Entry>();
  for (const file of fs
    .readdirSync(path.join(dir, "apis"))
    .filter((f) => f.endsWith(".min.json"))
    .sort()) {
    const m = /^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$/.exec(file);
    if (!m) continue;
    const meta = (
      JSON.parse(fs.readFileSync(path.join(dir, "apis", file), "utf8")) as {
        metadata: { serviceFullName: string; serviceAbbreviation?: string };
      }
    ).metadata;
    const entry: Entry = {
      id: m[1],
      fullName: meta.serviceFullName.trim(),
      ...(meta.serviceAbbreviation ? { abbreviation: meta.serviceAbbreviation.trim() } : {}),
      apiVersion: m[2],
    };
    const seen = byId.get(entry.id);
    // An API with several versions: the first version dates the service; the newest names it.
    byId.set(
      entry.id,
      seen ? { ...entry, apiVersion: seen.apiVersion < entry.apiVersion ? seen.apiVersion : entry.apiVersion } : entry,
    );
  }
  const data = {
    source: {
      package: "aws-sdk",
      version: pkg.version,
      license: pkg.license,
      files: "apis/*.min.json (metadata.serviceFullName, serviceAbbreviation; the file's API version)",
    },
    services: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(data, null, 1)}\n`);
  console.log(
    `wrote ${data.services.length} services from aws-sdk@${pkg.version} to ${path.relative(process.cwd(), OUT)}`,
  );
} finally {
  cleanup();
}
