// The service catalog as stored in the database, loaded and cached in ONE place for every user of
// it: search (a resolver for query words, the matcher for confirming ambiguous alias matches,
// display names for the services facet), tag suggestions and autocomplete (lib/data/services.ts)
// and the write-up import (lib/data/writeup-import.ts). The cache is per client and expires, so a
// catalog seeded after start-up is picked up, and tests and the benchmark may talk to several
// databases in one process. Not server-only: the benchmark CLI runs search under tsx.
import { PARTICLE_TAIL } from "../catalog/hangul";
import { createServiceMatcher, normalizeKey, termKeys, type ServiceMatcher } from "../catalog/service-matcher";
import type { Db } from "../db-client";
import type { ResolvedService, ServiceResolver } from "./query";

export type SearchCatalog = {
  resolve: ServiceResolver;
  /** A matcher for confirming mentions of one service (see mentionMatcherFor). */
  mentionMatcher: (slug: string) => ServiceMatcher;
  names: Map<string, string>;
  shortNames: Map<string, string>;
  slugById: Map<string, string>;
  /** The whole catalog's matcher (counting every service a text mentions: the event comparison). */
  matcher: ServiceMatcher;
  /** The service a slug names, as query plans need it. */
  bySlug: Map<string, ResolvedService>;
  /** Every service as the matcher takes it (the write-up worker builds its own matcher from these). */
  services: MatcherService[];
  categories: Map<string, string>;
};

type ServiceRow = {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  category?: string;
  aliases: { alias: string; locale: string | null }[];
};
type MatcherService = Parameters<typeof createServiceMatcher>[0][number];

const CATALOG_TTL_MS = 5 * 60_000;
const cache = new WeakMap<Db, { loadedAt: number; catalog: Promise<SearchCatalog> }>();

/**
 * The whole catalog's matcher costs ~0.2 ms per short text (hundreds of terms). To judge whether a
 * spot names one service, only that service and the services whose terms contain one of its terms
 * can matter (the longest-match rule: "S3 Glacier" is Glacier), so a matcher of those few is
 * equivalent and much faster. Built on first use, per service.
 */
function mentionMatcherFactory(services: MatcherService[]) {
  const built = new Map<string, ServiceMatcher>();
  return (slug: string) => {
    let matcher = built.get(slug);
    if (!matcher) {
      const own = services.filter((s) => s.slug === slug);
      const keys = own.flatMap((s) => [s.name, ...s.aliases.map((a) => a.alias)]).map(normalizeKey);
      const overlaps = (s: MatcherService) =>
        [s.name, ...s.aliases.map((a) => a.alias)].some((t) => keys.some((k) => normalizeKey(t).includes(k)));
      matcher = createServiceMatcher([...own, ...services.filter((s) => s.slug !== slug && overlaps(s))]);
      built.set(slug, matcher);
    }
    return matcher;
  };
}

export function buildSearchCatalog(rows: ServiceRow[]): SearchCatalog {
  const services: MatcherService[] = rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    shortName: r.shortName,
    aliases: r.aliases.map((a) => ({ alias: a.alias, locale: a.locale === "ko" ? ("ko" as const) : ("en" as const) })),
  }));
  const matcher = createServiceMatcher(services);
  const resolved = new Map<string, ResolvedService>();
  const slugByKey = new Map<string, string>();
  for (const r of rows) {
    const terms = [r.name, r.shortName, ...r.aliases.map((a) => a.alias)];
    resolved.set(r.slug, { id: r.id, slug: r.slug, terms });
    // First registration wins, in catalog order (the matcher's rule too).
    for (const term of terms) for (const key of termKeys(term)) if (!slugByKey.has(key)) slugByKey.set(key, r.slug);
  }
  const particlesOnly = new RegExp(`^${PARTICLE_TAIL}$`);

  const resolve: ServiceResolver = (text) => {
    let slug = slugByKey.get(normalizeKey(text));
    if (!slug) {
      // "람다를", "Lambda에서": one mention at the start, followed by nothing but Korean particles.
      const mentions = matcher.findMentions(text);
      const only = mentions.length === 1 ? mentions[0] : undefined;
      if (only && only.firstIndex === 0 && particlesOnly.test(text.slice(only.matched[0].length))) slug = only.slug;
    }
    return slug ? (resolved.get(slug) ?? null) : null;
  };
  return {
    resolve,
    mentionMatcher: mentionMatcherFactory(services),
    names: new Map(rows.map((r) => [r.slug, r.name])),
    shortNames: new Map(rows.map((r) => [r.slug, r.shortName])),
    slugById: new Map(rows.map((r) => [r.id, r.slug])),
    matcher,
    bySlug: resolved,
    services,
    categories: new Map(rows.map((r) => [r.slug, r.category ?? ""])),
  };
}

export function searchCatalog(db: Db): Promise<SearchCatalog> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.loadedAt < CATALOG_TTL_MS) return cached.catalog;
  const catalog = db.service
    .findMany({
      select: {
        id: true,
        slug: true,
        name: true,
        shortName: true,
        category: true,
        aliases: { select: { alias: true, locale: true } },
      },
    })
    .then(buildSearchCatalog);
  cache.set(db, { loadedAt: Date.now(), catalog });
  catalog.catch(() => cache.delete(db));
  return catalog;
}
