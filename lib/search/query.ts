// Turns what the user typed into a plan of literal substrings, with no database and no syntax: a
// query has groups that must ALL match (one per word, quoted phrase or recognised service name),
// and each group has alternatives of which ANY may match. Nothing the user types is an operator:
// `"` pairs make a phrase, everything else (`*`, `OR`, `NEAR(`, `%`, `_`, quotes) is searched for
// as written.
//
// A word or run of words the service matcher resolves to an AWS service ("람다", "Lambda",
// "Amazon DynamoDB", "람다를") becomes a service group: the typed text, the service's name and all
// its aliases, plus notes tagged with the service. Short aliases the user did not type (람다, 폴리,
// S3, EC2) are ambiguous as substrings ("폴리시" is a policy, not Amazon Polly), so those matches are
// confirmed by the matcher's own word rules afterwards (see mentions.ts).

export const MAX_QUERY_CHARS = 200;
export const MAX_GROUPS = 8;
const MAX_SERVICE_WORDS = 4;

export type Alternative = {
  text: string;
  /** Matches found only through this alternative must be confirmed as a mention of the service. */
  needsMentionCheck: boolean;
};

export type QueryGroup = {
  typed: string;
  serviceSlug: string | null;
  /** The service's row id in this database (tags reference it). */
  serviceId: string | null;
  alternatives: Alternative[];
};

export type QueryPlan = { groups: QueryGroup[] };

export type ResolvedService = { id: string; slug: string; terms: string[] };
/** Returns the service `text` names as a whole (a name, short name or alias), or null. */
export type ServiceResolver = (text: string) => ResolvedService | null;

type Token = { text: string; quoted: boolean };

export function tokenizeQuery(query: string): Token[] {
  const text = [...query.normalize("NFC")].slice(0, MAX_QUERY_CHARS).join("");
  const tokens: Token[] = [];
  // A balanced pair of double quotes is a phrase; a lone quote is just a character of its word.
  for (const m of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] === undefined) tokens.push({ text: m[2], quoted: false });
    else {
      const phrase = m[1].trim().replace(/\s+/g, " ");
      if (phrase) tokens.push({ text: phrase, quoted: true });
    }
  }
  return tokens;
}

/**
 * Short alias spellings that are also ordinary substrings: Hangul of up to three syllables (the
 * service matcher's own "short Korean term" rule) and Latin abbreviations of up to four characters.
 */
export function isAmbiguousTerm(term: string): boolean {
  const compact = term.replace(/\s+/g, "");
  if (/^[가-힣]+$/.test(compact)) return [...compact].length <= 3;
  if (/^[A-Za-z0-9]+$/.test(compact)) return compact.length <= 4;
  return false;
}

/**
 * Drops duplicates (case-insensitively; an unconditional match beats a checked one) and every
 * alternative that contains another one: text containing "AWS Lambda" contains "Lambda" anyway.
 */
export function pruneAlternatives(alternatives: Alternative[]): Alternative[] {
  const byKey = new Map<string, Alternative>();
  for (const a of alternatives) {
    const key = a.text.toLowerCase();
    const seen = byKey.get(key);
    if (!seen || (seen.needsMentionCheck && !a.needsMentionCheck)) byKey.set(key, a);
  }
  const list = [...byKey.values()];
  const covers = (shorter: Alternative, longer: Alternative) =>
    shorter !== longer &&
    longer.text.toLowerCase().includes(shorter.text.toLowerCase()) &&
    (!shorter.needsMentionCheck || longer.needsMentionCheck);
  return list.filter((a) => !list.some((b) => covers(b, a)));
}

function literalGroup(text: string): QueryGroup {
  return { typed: text, serviceSlug: null, serviceId: null, alternatives: [{ text, needsMentionCheck: false }] };
}

export function serviceGroup(typed: string, service: ResolvedService): QueryGroup {
  const alternatives = pruneAlternatives([
    { text: typed, needsMentionCheck: false },
    ...service.terms.map((text) => ({ text, needsMentionCheck: isAmbiguousTerm(text) })),
  ]);
  return { typed, serviceSlug: service.slug, serviceId: service.id, alternatives };
}

/** The longest run of unquoted words from `start` that names one service (or a quoted phrase that does). */
function serviceRunAt(tokens: Token[], start: number, resolve: ServiceResolver) {
  const limit = tokens[start].quoted ? start + 1 : Math.min(tokens.length, start + MAX_SERVICE_WORDS);
  for (let end = limit; end > start; end--) {
    const run = tokens.slice(start, end);
    if (run.length > 1 && run.some((t) => t.quoted)) continue;
    const typed = run.map((t) => t.text).join(" ");
    const service = resolve(typed);
    if (service) return { group: serviceGroup(typed, service), end };
  }
  return null;
}

export function planQuery(query: string, resolve: ServiceResolver): QueryPlan {
  const tokens = tokenizeQuery(query);
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length && groups.length < MAX_GROUPS;) {
    const run = serviceRunAt(tokens, i, resolve);
    const group = run?.group ?? literalGroup(tokens[i].text);
    i = run?.end ?? i + 1;
    const key = group.serviceSlug ?? group.typed.toLowerCase();
    if (!seen.has(key)) groups.push(group);
    seen.add(key);
  }
  return { groups };
}

/** Every alternative text of the plan, for highlighting. */
export function planTexts(plan: QueryPlan, which: "all" | "unchecked" = "all"): string[] {
  return plan.groups.flatMap((g) =>
    g.alternatives.filter((a) => which === "all" || !a.needsMentionCheck).map((a) => a.text),
  );
}

/** A plan of one service group: the service's name and every alias, and notes tagged with it. */
export function servicePlan(service: ResolvedService, name: string): QueryPlan {
  return { groups: [serviceGroup(name, service)] };
}

/**
 * The plan as highlighting needs it: a service group's alternatives are pruned for matching
 * ("Dynamo" covers "DynamoDB"), but a highlight should cover the whole name, so every term of the
 * service is added back (overlapping ranges merge into the longest).
 */
export function highlightPlan(plan: QueryPlan, termsOf: (slug: string) => string[] | undefined): QueryPlan {
  return {
    groups: plan.groups.map((g) => {
      if (!g.serviceSlug) return g;
      const byKey = new Map<string, Alternative>();
      for (const a of [
        ...g.alternatives,
        ...(termsOf(g.serviceSlug) ?? []).map((text) => ({ text, needsMentionCheck: isAmbiguousTerm(text) })),
      ]) {
        const key = a.text.toLowerCase();
        const seen = byKey.get(key);
        if (!seen || (seen.needsMentionCheck && !a.needsMentionCheck)) byKey.set(key, a);
      }
      return { ...g, alternatives: [...byKey.values()] };
    }),
  };
}
