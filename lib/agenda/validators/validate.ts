// Test helpers (not shipped code): check an exported schedule against the c3voc validators checked
// in next to this file (see README.md here). XML with xmllint (Debian's libxml2-utils, as c3voc's
// own validate_schedule_xml.sh does), JSON with ajv (the schemas are JSON Schema draft-06).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const here = import.meta.dirname;
export const SCHEDULE_XSD = path.join(here, "schedule.xml.xsd");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

/** xmllint's complaints about `xml` (an empty list when it validates); throws when xmllint is missing. */
export function scheduleXmlErrors(xml: string): string[] {
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", SCHEDULE_XSD, "-"], { input: xml, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    return [];
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === "ENOENT") throw new Error("xmllint is not installed: apt-get install -y libxml2-utils (scripts/test.sh does this)");
    return String(err.stderr ?? "")
      .split("\n")
      .filter((line) => line.trim() && !/ fails to validate$/.test(line));
  }
}

let validators: { v1: ValidateFunction; v2: ValidateFunction } | undefined;

function compile() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(readJson(createRequire(import.meta.url).resolve("ajv/dist/refs/json-schema-draft-06.json")));
  addFormats(ajv);
  // The schemas use a "color" format that JSON Schema does not define; the c3voc examples use #rrggbb.
  ajv.addFormat("color", /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
  return { v1: ajv.compile(readJson(path.join(here, "schema.json"))), v2: ajv.compile(readJson(path.join(here, "schema2.json"))) };
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}`);
}

/** Errors of `json` against validator/json/schema.json (schedule JSON v1); empty when valid. */
export function scheduleJsonErrors(json: string): string[] {
  validators ??= compile();
  return validators.v1(JSON.parse(json)) ? [] : describe(validators.v1.errors);
}

/** Errors of `json` against validator/json/schema2.json (schedule v2, the hub format); empty when valid. */
export function scheduleV2JsonErrors(json: string): string[] {
  validators ??= compile();
  return validators.v2(JSON.parse(json)) ? [] : describe(validators.v2.errors);
}
