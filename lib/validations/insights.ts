// Query-string inputs of /services, /compare and /search. Pages read `searchParams` (strings or
// repeated strings) and parse them here: anything malformed becomes a message, never a 500.
import { z } from "zod";

export const MIN_COMPARED_EVENTS = 2;
export const MAX_COMPARED_EVENTS = 4;
const MAX_FILTER_VALUES = 20;

type RawParam = string | string[] | undefined;

/** `?events=a,b` and `?events=a&events=b` (checkboxes) both mean [a, b]; blanks and repeats dropped. */
export function listParam(raw: RawParam): string[] {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(","));
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

export const firstParam = (raw: RawParam): string | undefined => (Array.isArray(raw) ? raw[0] : raw);

const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "slug_invalid");
const id = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "id_invalid");
const year = z.coerce.number().int().min(1990).max(2100);

export const serviceSlugParam = slug;

export const serviceTimelineFilters = z.object({
  series: z.string().trim().max(120).optional(),
  year: year.optional(),
});

export const compareInput = z.object({
  events: z.array(slug).min(MIN_COMPARED_EVENTS, "too_few_events").max(MAX_COMPARED_EVENTS, "too_many_events"),
  service: slug.optional(),
});

export const searchParamsInput = z.object({
  q: z.string().max(200, "query_too_long").default(""),
  events: z.array(id).max(MAX_FILTER_VALUES).default([]),
  years: z.array(year).max(MAX_FILTER_VALUES).default([]),
  tracks: z.array(z.string().max(120)).max(MAX_FILTER_VALUES).default([]),
  services: z.array(slug).max(MAX_FILTER_VALUES).default([]),
  authors: z.array(id).max(MAX_FILTER_VALUES).default([]),
  visibility: z
    .array(z.enum(["PRIVATE", "TEAM", "PUBLIC"]))
    .max(3)
    .default([]),
});
export type SearchParamsInput = z.infer<typeof searchParamsInput>;

/** Search page params from the raw query string. Invalid filter values are dropped rather than failing the page. */
export function parseSearchParams(raw: Record<string, RawParam>): { input: SearchParamsInput; error: string | null } {
  const candidate = {
    q: firstParam(raw.q) ?? "",
    events: listParam(raw.event),
    years: listParam(raw.year),
    tracks: Array.isArray(raw.track) ? raw.track : raw.track ? [raw.track] : [],
    services: listParam(raw.service),
    authors: listParam(raw.author),
    visibility: listParam(raw.visibility),
  };
  const parsed = searchParamsInput.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, error: null };
  const tooLong = parsed.error.issues.some((i) => i.message === "query_too_long");
  const fallback = searchParamsInput.parse({ q: tooLong ? "" : candidate.q.slice(0, 200) });
  return { input: fallback, error: tooLong ? "query_too_long" : "filters_invalid" };
}
