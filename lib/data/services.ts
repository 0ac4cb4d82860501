import "server-only";
import type { Db } from "../db-client";
import { searchCatalog } from "../search/catalog";
import { proseForMentions } from "../catalog/mention-context";

/** Autocomplete over the catalog (the one cache: lib/search/catalog.ts). */
export async function searchServices(db: Db, query: string, limit = 8) {
  const { matcher, categories } = await searchCatalog(db);
  return matcher.search(query, limit).map((r) => ({ ...r, category: categories.get(r.slug) ?? "" }));
}

/** Services a text mentions (in prose: code is not a mention) that are not tagged yet: offered as suggestions, with the words that named them. */
export async function suggestServices(db: Db, text: string, alreadyTagged: string[]) {
  const { matcher, names, shortNames } = await searchCatalog(db);
  const skip = new Set(alreadyTagged);
  return matcher
    .findMentions(proseForMentions(text))
    .filter((m) => !skip.has(m.slug) && names.has(m.slug))
    .map((m) => ({
      slug: m.slug,
      name: names.get(m.slug)!,
      shortName: shortNames.get(m.slug)!,
      matched: m.matched,
      count: m.count,
    }));
}
