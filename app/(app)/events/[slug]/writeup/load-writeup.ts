import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { buildEventWriteup } from "@/lib/data/writeup-export";
import { isAppError } from "@/lib/errors";
import { writeupExportOptions, type WriteupExportOptions } from "@/lib/validations/writeups";

export type WriteupSearch = { flavour?: string; team?: string };

/**
 * The signed-in user's export of an event (the export page and its print view): options from the
 * query (bad ones fall back to Jekyll), NOT_FOUND as a 404, and null for a note too complex to
 * export in time (the page says so).
 */
export async function loadEventWriteup(slug: string, search: WriteupSearch, returnTo: string) {
  const user = await requireUserOrRedirect(returnTo);
  const locale: "en" | "ko" = (await getLocale()) === "en" ? "en" : "ko";
  const parsed = writeupExportOptions.safeParse({
    flavour: search.flavour || undefined,
    teamId: search.team || undefined,
    locale,
  });
  const options: WriteupExportOptions = parsed.success ? parsed.data : { flavour: "jekyll", locale };
  const post = await buildEventWriteup(db, user.id, slug, options).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && (e.code === "INVALID" || e.code === "TOO_MANY")) return null;
    throw e;
  });
  return { user, options, post };
}
