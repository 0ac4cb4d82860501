import type { Tx } from "../db-client";
import { slugify } from "../agenda/text";

/**
 * A free event slug made from a name ("AWS Summit Seoul 2016" → "aws-summit-seoul-2016", then
 * "…-2", "…-3" when taken), read inside the writing transaction so the check and the insert agree;
 * the unique index settles a race with another transaction. `fallback` is used when the name has no
 * Latin letters or digits (a Korean-only name).
 */
export async function uniqueEventSlug(tx: Tx, name: string, fallback = "event"): Promise<string> {
  const root = slugify(name) || slugify(fallback) || "event";
  const taken = new Set(
    (await tx.event.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((e) => e.slug),
  );
  let candidate = root;
  for (let n = 2; taken.has(candidate); n++) candidate = `${root}-${n}`;
  return candidate;
}
