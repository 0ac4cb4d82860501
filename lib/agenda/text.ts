// Agenda text is stored and shown as plain text, never as HTML. Sources (frab descriptions above
// all) often carry markup; it is reduced to text here so no later layer has to remember to.

// Only real HTML element names count as markup: "Generics <T> in TypeScript" keeps its <T>.
const HTML_ELEMENTS =
  "a|abbr|article|audio|b|base|blockquote|body|br|button|center|code|dd|div|dl|dt|em|embed|font|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|math|meta|nav|object|ol|option|p|pre|s|script|section|select|small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td|textarea|th|thead|title|tr|tt|u|ul|video";
const TAG = new RegExp(`<\\/?(?:${HTML_ELEMENTS})(?=[\\s/>])[^<>]*>|<!--[\\s\\S]*?-->`, "gi");
const HAS_TAG = new RegExp(TAG.source, "i");
const SCRIPT_LIKE =
  /<\s*(script|style|iframe|object|embed)\b|<[a-z][^>]*\s(on[a-z]+\s*=|[a-z]+\s*=\s*["']?\s*javascript:)/i;
const DANGEROUS_BLOCKS = /<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi;
const BLOCK_BREAKS = /<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** True when the text carries something a browser would execute if it were ever rendered as HTML. */
export function looksLikeScript(text: string): boolean {
  return SCRIPT_LIKE.test(text);
}

export function containsMarkup(text: string): boolean {
  return HAS_TAG.test(text);
}

/**
 * Markup → plain text: script/style blocks vanish with their content, block ends become line
 * breaks, other tags are dropped, entities decoded. Repeated because decoding `&lt;b&gt;` can
 * reveal a tag.
 */
export function markupToText(text: string, { singleLine = false } = {}): string {
  let out = storable(text);
  for (let i = 0; i < 3 && containsMarkup(out); i++) {
    out = decodeEntities(out.replace(DANGEROUS_BLOCKS, "").replace(BLOCK_BREAKS, "\n").replace(TAG, ""));
  }
  if (singleLine) return out.replace(/\s+/g, " ").trim();
  return out
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whitespace-collapsed single line (titles, names). */
// NUL cannot be stored by PostgreSQL, lone surrogates by neither database (the query encoder
// refuses them): both can arrive through JSON escapes ("\u0000", "\ud800") in an uploaded file.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text both databases can store: NUL dropped, lone surrogates replaced by U+FFFD. */
export function storable(value: string): string {
  return value.replace(UNSTORABLE, (c) => (c === "\u0000" ? "" : "\ufffd"));
}

export function cleanLine(value: string | undefined): string {
  return storable(value ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits a speakers cell: ";" wins when present, so "Doe, Jane; Roe, Richard" keeps both names whole. */
export function splitSpeakerList(value: string): string[] {
  const separator = value.includes(";") ? ";" : ",";
  return value.split(separator).map(cleanLine).filter(Boolean);
}

export function quote(text: string, max = 60): string {
  const t = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `'${t}'`;
}

/** Lower-case ASCII words joined by dashes, at most 60 characters: event slugs, export slugs. */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
