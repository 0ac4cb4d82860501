// Jekyll/Hugo front matter: finding the block, parsing it (YAML `---` or TOML `+++`) and reading
// the few keys the importer understands. Everything else is kept in `extra`.
import { parse as parseToml, TomlDate } from "smol-toml";
import YAML from "yaml";
import { yamlNestingDepth } from "@/lib/security/bounded-yaml";
import { TooDeepError, withoutPrototypeKeys } from "@/lib/security/safe-object";
import { formatIsoDate, isValidTimeZone } from "@/lib/time/zoned";
import { WriteupError, type WriteupFrontMatter } from "./types";

export type FrontMatterBlock = {
  kind: "yaml" | "toml" | null;
  raw: string;
  /** 1-based line where the Markdown body starts (1 when there is no front matter). */
  bodyStartLine: number;
};

const BLOCKS = {
  yaml: { re: /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/, entry: /^[^\s#][^\n:]*:(?:[ \t]|$)/m },
  toml: { re: /^\+\+\+[ \t]*\n([\s\S]*?\n)?\+\+\+[ \t]*(?:\n|$)/, entry: /^\s*(?:[\w."'-]+\s*=|\[)/m },
} as const;

/**
 * Finds the front matter block. A leading `---` … `---` with no `key:` line in between is a pair
 * of horizontal rules, not front matter: such a post is read as Markdown rather than refused.
 */
export function splitFrontMatter(text: string): FrontMatterBlock {
  for (const kind of ["yaml", "toml"] as const) {
    const { re, entry } = BLOCKS[kind];
    const m = re.exec(text);
    const raw = m?.[1] ?? "";
    if (m && (raw.trim() === "" || entry.test(raw))) {
      const lines = m[0].replace(/\n$/, "").split("\n").length;
      return { kind, raw, bodyStartLine: lines + 1 };
    }
    const fence = kind === "yaml" ? "---" : "+++";
    const second = text.split("\n", 2)[1] ?? "";
    if (!m && text.startsWith(`${fence}\n`) && entry.test(second)) {
      throw new WriteupError("INVALID_FRONT_MATTER", `The front matter is not closed: add a "${fence}" line after it.`);
    }
  }
  return { kind: null, raw: "", bodyStartLine: 1 };
}

// Front matter is a handful of keys; deeper nesting or more aliases than these is an attack, not a post.
const MAX_FRONT_MATTER_DEPTH = 32;
const MAX_YAML_ALIASES = 100;

const invalid = (language: string, e: unknown) => {
  const detail =
    e instanceof TooDeepError
      ? `it is nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`
      : String((e as Error)?.message ?? e).split("\n")[0];
  return new WriteupError("INVALID_FRONT_MATTER", `The front matter is not valid ${language}: ${detail}`);
};

/** TOML date-times stay text, as written (the caller reads dates itself, in the event's zone). */
function tomlDatesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlDatesAsText);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tomlDatesAsText(v)]));
  return value;
}

function readYaml(raw: string): unknown {
  // Deep nesting can crash the process inside the parser (lib/security/bounded-yaml.ts): measured first.
  if (yamlNestingDepth(raw, MAX_FRONT_MATTER_DEPTH) > MAX_FRONT_MATTER_DEPTH)
    throw new TooDeepError(MAX_FRONT_MATTER_DEPTH);
  // Jekyll's YAML reader lets a later duplicate key win; refusing the post for it helps nobody.
  const doc = YAML.parseDocument(raw, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
  // maxAliasCount: an alias bomb ("billion laughs") is refused instead of expanded.
  return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
}

function readToml(raw: string): unknown {
  return tomlDatesAsText(
    withoutPrototypeKeys(
      parseToml(raw, { unsafeKeyBehaviour: "drop", maxDepth: MAX_FRONT_MATTER_DEPTH }),
      MAX_FRONT_MATTER_DEPTH,
    ),
  );
}

/** The block's keys as plain data: parser errors, alias bombs, deep nesting and prototype keys never get past here. */
function parseBlock(block: FrontMatterBlock): Record<string, unknown> {
  if (block.kind === null) return {};
  const language = block.kind === "yaml" ? "YAML" : "TOML";
  let data: unknown;
  try {
    data = withoutPrototypeKeys(
      block.kind === "yaml" ? readYaml(block.raw) : readToml(block.raw),
      MAX_FRONT_MATTER_DEPTH,
    );
  } catch (e) {
    throw invalid(language, e);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new WriteupError("INVALID_FRONT_MATTER", "The front matter must be a list of key: value pairs.");
  }
  return data as Record<string, unknown>;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;

/**
 * "2015-04-21 16:10:49 +0700" → "2015-04-21". With an offset and a time zone, the instant is read
 * as a date in that zone (the event's calendar day); otherwise the date is taken as written.
 */
export function toIsoDate(value: unknown, timeZone?: string): string | undefined {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return zone ? formatIsoDate(value, zone) : value.toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return undefined;
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (!isCalendarDate(y, mo, d)) return undefined;
  if (zone && m[7]) {
    const offset =
      m[7].toUpperCase() === "Z" ? 0 : (m[7][0] === "-" ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(-2));
    const utc = Date.UTC(y, mo - 1, d, +m[4], +m[5], m[6] ? +m[6] : 0) - offset * 60_000;
    return formatIsoDate(new Date(utc), zone);
  }
  return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
}

/**
 * A YAML/TOML list is taken item by item ("AWS Summit Seoul" stays one category); a plain string
 * is Jekyll's space-separated list ("Tech 후기" is two) — commas are accepted there too.
 */
function readList(value: unknown, splitWords: boolean): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const split = splitWords && typeof value === "string";
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== "string" && typeof item !== "number") continue;
    const words = split ? String(item).split(/[\s,]+/) : [String(item).trim()];
    for (const word of words) if (word && !out.includes(word)) out.push(word);
  }
  return out;
}

const KNOWN = new Set(["title", "date", "categories", "category", "tags", "tag"]);

export function readFrontMatter(
  block: FrontMatterBlock,
  timeZone: string | undefined,
  warnings: string[],
): WriteupFrontMatter {
  const data = parseBlock(block);
  const title =
    typeof data.title === "string" || typeof data.title === "number" ? String(data.title).trim() : undefined;
  if (data.title !== undefined && !title) warnings.push("title-not-text: the front matter title is empty or not text.");
  const date = toIsoDate(data.date, timeZone);
  if (data.date !== undefined && !date)
    warnings.push(`date-unreadable: the front matter date "${String(data.date)}" is not a date.`);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!KNOWN.has(key)) extra[key] = value;
  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    // Jekyll: `category` is one name (may contain spaces); `categories` is a list or words.
    categories: [...new Set([...readList(data.category, false), ...readList(data.categories, true)])],
    tags: [...new Set([...readList(data.tag, false), ...readList(data.tags, true)])],
    extra,
  };
}
