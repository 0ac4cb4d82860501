import "server-only";
import { createServiceMatcher, type ServiceMatcher } from "../catalog/service-matcher";
import type { Db } from "../db-client";

type CatalogRow = { id: string; slug: string; name: string; shortName: string; category: string; icon: string | null };

let cache: Promise<{ matcher: ServiceMatcher; bySlug: Map<string, CatalogRow> }> | undefined;

/** The catalog as stored (seeded from the AWS icon set + curated aliases), with a matcher; built once per process. */
export function serviceCatalog(db: Db) {
  return (cache ??= (async () => {
    const rows = await db.service.findMany({ include: { aliases: { select: { alias: true, locale: true } } } });
    const matcher = createServiceMatcher(rows.map((r) => ({ slug: r.slug, name: r.name, shortName: r.shortName, aliases: r.aliases.map((a) => ({ alias: a.alias, locale: a.locale === "ko" ? ("ko" as const) : ("en" as const) })) })));
    return { matcher, bySlug: new Map(rows.map((r) => [r.slug, { id: r.id, slug: r.slug, name: r.name, shortName: r.shortName, category: r.category, icon: r.icon }])) };
  })().catch((e) => {
    cache = undefined;
    throw e;
  }));
}

export async function searchServices(db: Db, query: string, limit = 8) {
  const { matcher, bySlug } = await serviceCatalog(db);
  return matcher.search(query, limit).map((r) => ({ ...r, category: bySlug.get(r.slug)?.category ?? "" }));
}

/** Services a text mentions that are not tagged yet: offered as suggestions. */
export async function suggestServices(db: Db, text: string, alreadyTagged: string[]) {
  const { matcher, bySlug } = await serviceCatalog(db);
  const skip = new Set(alreadyTagged);
  return matcher
    .findMentions(text)
    .filter((m) => !skip.has(m.slug) && bySlug.has(m.slug))
    .map((m) => ({ slug: m.slug, name: bySlug.get(m.slug)!.name, shortName: bySlug.get(m.slug)!.shortName, matched: m.matched, count: m.count }));
}
