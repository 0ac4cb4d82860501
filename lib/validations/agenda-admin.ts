import { z } from "zod";
import { isValidTimeZone } from "../time/zoned";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "date_invalid");
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time_invalid");
const text = (max: number) => z.string().trim().max(max, "too_long");
const optionalText = (max: number) =>
  text(max)
    .transform((s) => s || null)
    .nullable()
    .optional();
export const entityId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid_id");

export const eventInput = z
  .object({
    name: text(200).min(1, "required"),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, "too_long")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slug_invalid")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    series: optionalText(200),
    venue: optionalText(200),
    timeZone: z.string().trim().refine(isValidTimeZone, "time_zone_invalid"),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((e) => e.endDate >= e.startDate, { path: ["endDate"], message: "end_before_start" })
  .refine((e) => (Date.parse(e.endDate) - Date.parse(e.startDate)) / 86400_000 <= 31, {
    path: ["endDate"],
    message: "event_too_long",
  });

export const trackInput = z.object({
  eventId: entityId,
  trackId: entityId.optional(),
  name: text(100).min(1, "required"),
  room: optionalText(100),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "colour_invalid")
    .default("#2563eb"),
  position: z.coerce.number().int().min(0).max(1000).default(0),
});

export const talkInput = z
  .object({
    eventId: entityId,
    talkId: entityId.optional(),
    title: text(300).min(1, "required"),
    abstract: text(20_000).default(""),
    date: isoDate,
    start: hhmm,
    end: hhmm,
    trackId: entityId.nullable(), // null = plenary across all tracks
    speakers: text(1000).default(""),
    level: z.enum(["INTRO", "INTERMEDIATE", "ADVANCED", "EXPERT"]).nullable().optional(),
  })
  .refine((t) => t.end > t.start, { path: ["end"], message: "end_before_start" });

export const moveTalkInput = z.object({ talkId: entityId, trackId: entityId.nullable(), date: isoDate, start: hhmm });
export const deleteInput = z.object({ id: entityId, confirm: z.boolean().default(false) });

export type EventInput = z.infer<typeof eventInput>;
export type TrackInput = z.infer<typeof trackInput>;
export type TalkInput = z.infer<typeof talkInput>;
export type MoveTalkInput = z.infer<typeof moveTalkInput>;

/** "양승도, Mike Clayville" → names, trimmed, de-duplicated. */
export function splitSpeakers(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}
