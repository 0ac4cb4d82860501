// Finds AWS service mentions in free-form notes (mostly Korean with English service names) and
// ranks services for autocomplete. Pure: build once from a catalog (or from DB rows), reuse.
//
// What counts as a mention of a service: its full name, with any of the prefixes "AWS", "Amazon",
// "아마존" ("Amazon Lambda" is still Lambda), or one of its aliases. The catalog only lists
// distinctive aliases (see aliases.ts), so "Config" alone never matches — "AWS Config" does.
//
// Matching rules:
// - Case-insensitive. Spaces and hyphens inside a term are optional, and CamelCase / Latin-Hangul
//   joints count as word breaks: "Auto Scaling" = "AutoScaling" = "auto-scaling",
//   "CodePipeline" = "Code PipeLine", "클라우드 왓치" = "클라우드왓치", "다이나모DB" = "다이나모 DB".
// - Latin edges are word boundaries against Latin letters and digits only, so Korean particles may
//   follow directly: "S3에", "Lambda를" match; "ECSTASY", "S3X", "xEC2" do not.
// - Abbreviations (all caps, e.g. "SAM", "SES") do not match a Capitalized word ("Sam", "Ses");
//   "sam", "SAM" and "Ec2" (has a digit) do.
// - A Korean term must not follow another Hangul character ("플렉스" is not 렉스, "나폴리" is not
//   폴리), except "아마존" ("아마존람다").
// - A short Korean term (≤ 3 syllables: 람다, 폴리, 렉스, 오로라, 아테나) must be followed by
//   nothing but particles ("람다를", "렉스가", "아테나로는"), so "폴리시", "폴리곤", "렉스턴", "람다식"
//   do not match. Longer Korean terms are distinctive enough to match inside compounds.
// - Longest match wins and consumes its text: "S3 Glacier" is Glacier only (S3 counts only where it
//   also appears alone), "Elastic Beanstalk" is one service, "RDS Aurora" is Aurora.
// - A list after one prefix counts for every item: "Amazon Polly(음성 합성), Comprehend, Personalize를
//   연동" names three services although "Comprehend" alone (an ordinary word) never matches.
// - Context vetoes a bare name that means something else here (./mention-rules.ts): "SNS에 공유했다"
//   is social media, "EMR(전자의무기록)" a medical record, "ACM 학회" a conference, "IoT 디바이스" a
//   device, auto scaling in a paragraph about DynamoDB is DynamoDB's. A prefixed name is never vetoed.
import type { CatalogService } from "./aws-catalog";
import { vetoed } from "./mention-rules";
import { HANGUL_CLASS, PARTICLE_TAIL, isHangul, toJamo } from "./hangul";
import { SEP, trieRegexSource, type TrieTerm } from "./trie-regex";

export type MatcherService = Pick<CatalogService, "slug" | "name" | "shortName" | "aliases">;
export type ServiceMention = { slug: string; count: number; firstIndex: number; matched: string[] };
export type ServiceSearchResult = { slug: string; name: string; shortName: string; matched: string };
export type ServiceMatcher = {
  /** Services mentioned in `text`, in order of first appearance. */
  findMentions(text: string): ServiceMention[];
  /** Autocomplete: best services for a partial query (English or Korean), best first. */
  search(query: string, limit?: number): ServiceSearchResult[];
};

const LATIN_CLASS = "A-Za-z0-9";
const isLatin = (ch: string) => /[A-Za-z0-9]/.test(ch);
const PREFIX = /^(AWS|Amazon|아마존)[\s-]+(?=\S)/i;
const PREFIXES = ["aws", "amazon", "아마존"];
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lookup key: lowercase without spaces/hyphens ("Auto-Scaling" -> "autoscaling"). */
export function normalizeKey(s: string): string {
  return s.toLowerCase().replace(/[\s\u00A0-]+/g, "");
}

/** Word parts of a term: splits on spaces/hyphens, CamelCase humps and Latin/Hangul joints. */
export function termWords(s: string): string[] {
  return s
    .replace(/([a-z]{2})(?=[A-Z][A-Za-z])/g, "$1 ")
    .replace(/([가-힣])(?=[A-Za-z0-9])|([A-Za-z0-9])(?=[가-힣])/g, "$1$2 ")
    .split(/[\s\-]+/)
    .filter(Boolean);
}

type Term = { slug: string; keys: string[]; abbreviation: boolean; listOnly?: boolean };
type Variant = TrieTerm & { left: "latin" | "hangul" | "none" };

function leftOf(ch: string): Variant["left"] {
  return isLatin(ch) ? "latin" : isHangul(ch) ? "hangul" : "none";
}

function splitPrefix(surface: string): { prefixed: boolean; rest: string } {
  const m = PREFIX.exec(surface.trim());
  return { prefixed: !!m, rest: m ? surface.trim().slice(m[0].length) : surface.trim() };
}

/** Lookup keys a name/alias registers: "AWS Glue" -> awsglue, amazonglue, 아마존glue. */
export function termKeys(surface: string): string[] {
  const { prefixed, rest } = splitPrefix(surface);
  return prefixed ? PREFIXES.map((p) => p + normalizeKey(rest)) : [normalizeKey(rest)];
}

function compileTerm(slug: string, surface: string): { term: Term; variants: Variant[] } | null {
  const { prefixed, rest } = splitPrefix(surface);
  const words = termWords(rest);
  if (words.length === 0) return null;
  const last = rest[rest.length - 1];
  const syllables = [...rest].filter(isHangul).length;
  let end = "";
  if (isLatin(last)) end = `(?![${LATIN_CLASS}])`;
  else if (isHangul(last) && syllables <= 3) end = `(?=${PARTICLE_TAIL})`;
  const tokens = words.flatMap((w, i) => (i ? [SEP] : []).concat([...w.toLowerCase()]));
  const starts = prefixed ? PREFIXES.map((p) => [...p, SEP]) : [[]];
  return {
    term: {
      slug,
      keys: termKeys(surface),
      abbreviation: !prefixed && /^[A-Z0-9]{2,}$/.test(rest) && /[A-Z]/.test(rest),
    },
    variants: starts.map((start) => ({ tokens: [...start, ...tokens], end, left: leftOf(start[0] ?? rest[0]) })),
  };
}

const LEFT_BOUNDARY: Record<Variant["left"], string> = {
  latin: `(?<![${LATIN_CLASS}])`,
  hangul: `(?:(?<=아마존)|(?<![${HANGUL_CLASS}]))`,
  none: "",
};

function buildRegex(variants: Variant[]): RegExp | null {
  const groups = (["latin", "hangul", "none"] as const).flatMap((left) => {
    const src = trieRegexSource(variants.filter((v) => v.left === left));
    return src ? [LEFT_BOUNDARY[left] + src] : [];
  });
  return groups.length ? new RegExp(groups.join("|"), "gi") : null;
}

type SearchTerm = { text: string; full: string; starts: string[] };
type SearchEntry = { service: MatcherService; terms: SearchTerm[] };

function searchTerm(text: string): SearchTerm {
  const words = termWords(text);
  // Every word start, so "scal" finds "EC2 Auto Scaling" and "빈스" finds "엘라스틱 빈스톡".
  const starts = words.map((_, i) => toJamo(normalizeKey(words.slice(i).join(""))));
  return { text, full: toJamo(normalizeKey(text)), starts };
}

/** 0 exact, 1 prefix, 2 prefix of a later word, 3 anywhere inside, -1 no match (all on jamo). */
function scoreTerm(t: SearchTerm, q: string): number {
  if (t.full === q) return 0;
  if (t.full.startsWith(q)) return 1;
  if (t.starts.some((w) => w.startsWith(q))) return 2;
  return t.full.includes(q) ? 3 : -1;
}

export function createServiceMatcher(services: MatcherService[]): ServiceMatcher {
  // First registration of a key wins: services in catalog order, each name before its aliases.
  const byKey = new Map<string, Term>();
  const variants: Variant[] = [];
  for (const s of services) {
    for (const surface of [s.name, ...s.aliases.map((a) => a.alias)]) {
      const compiled = compileTerm(s.slug, surface);
      if (!compiled) continue;
      for (const k of compiled.term.keys) if (!byKey.has(k)) byKey.set(k, compiled.term);
      variants.push(...compiled.variants);
    }
  }
  // Names that only match with their prefix ("Amazon Comprehend"), bare: only as an item of a list
  // whose earlier item matched ("Amazon Polly, Comprehend").
  for (const s of services) {
    const { prefixed, rest } = splitPrefix(s.name);
    if (!prefixed) continue;
    for (const bare of new Set([rest, s.shortName])) {
      if (!bare || PREFIX.test(bare) || byKey.has(normalizeKey(bare))) continue;
      const compiled = compileTerm(s.slug, bare);
      if (!compiled) continue;
      const term = { ...compiled.term, listOnly: true };
      for (const k of term.keys) byKey.set(k, term);
      variants.push(...compiled.variants);
    }
  }
  const re = buildRegex(variants);
  // Without the list-only names: what matches at a spot where a list-only name was refused.
  const listOnlyKeys = new Set([...byKey].filter(([, t]) => t.listOnly).map(([k]) => k));
  const plainRe = buildRegex(
    variants.filter((v) => !listOnlyKeys.has(normalizeKey(v.tokens.join("").replaceAll(SEP, "")))),
  );
  const plainSticky = plainRe ? new RegExp(plainRe.source, "iy") : null;
  // Between two items of one list: an optional "(설명)", then a comma, "및", "와/과", "and", "/".
  const LIST_GAP = /^(?:\s*[(（][^()（）\n]{0,40}[)）])?\s*(?:[,，、/·&]|및|와|과|and|or|,\s*and)\s*$/i;

  const entries: SearchEntry[] = services.map((service) => ({
    service,
    terms: [service.shortName, service.name, ...service.aliases.map((a) => a.alias)].map(searchTerm),
  }));

  function findMentions(text: string): ServiceMention[] {
    if (!re) return [];
    const found = new Map<string, ServiceMention>();
    let lastEnd = -1;
    for (const m of text.matchAll(re)) {
      let surface = m[0];
      let term = byKey.get(normalizeKey(surface));
      if (!term) continue;
      const at = m.index ?? 0;
      if (term.listOnly && (lastEnd < 0 || at - lastEnd > 60 || !LIST_GAP.test(text.slice(lastEnd, at)))) {
        // "EventBridge Scheduler" (list-only) refused: "EventBridge" may still be a mention.
        if (!plainSticky) continue;
        plainSticky.lastIndex = at;
        const shorter = plainSticky.exec(text);
        term = shorter ? byKey.get(normalizeKey(shorter[0])) : undefined;
        if (!shorter || !term || term.listOnly) continue;
        surface = shorter[0];
      }
      if (term.abbreviation && /^[A-Z][a-z]+$/.test(surface)) continue; // "Sam" is a name, not SAM
      if (!PREFIX.test(surface) && vetoed(term.slug, surface, text, at)) continue;
      lastEnd = at + surface.length;
      const hit = found.get(term.slug);
      if (hit) {
        hit.count++;
        if (!hit.matched.includes(surface)) hit.matched.push(surface);
      } else {
        found.set(term.slug, { slug: term.slug, count: 1, firstIndex: m.index ?? 0, matched: [surface] });
      }
    }
    return [...found.values()].sort((a, b) => a.firstIndex - b.firstIndex);
  }

  function search(query: string, limit = 10): ServiceSearchResult[] {
    const q = toJamo(normalizeKey(query));
    if (!q) return [];
    const ranked: { r: ServiceSearchResult; score: number; len: number; popularity: number }[] = [];
    for (const { service, terms } of entries) {
      let best: { score: number; term: SearchTerm } | null = null;
      for (const t of terms) {
        const score = scoreTerm(t, q);
        if (score < 0) continue;
        if (!best || score < best.score || (score === best.score && t.text.length < best.term.text.length)) {
          best = { score, term: t };
        }
      }
      if (!best) continue;
      const { slug, name, shortName } = service;
      ranked.push({
        r: { slug, name, shortName, matched: best.term.text },
        score: best.score,
        len: best.term.text.length,
        popularity: service.aliases.length,
      });
    }
    // Ties: shorter matched term, then that term alphabetically ("EC2" before "ECR"), then the
    // service with more aliases (a proxy for how often people write about it), then name.
    ranked.sort(
      (a, b) =>
        a.score - b.score ||
        a.len - b.len ||
        cmp(a.r.matched.toLowerCase(), b.r.matched.toLowerCase()) ||
        b.popularity - a.popularity ||
        cmp(a.r.name, b.r.name),
    );
    return ranked.slice(0, limit).map((x) => x.r);
  }

  return { findMentions, search };
}
