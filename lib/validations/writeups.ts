// Inputs of the write-up import (preview → apply), export and backup, checked on the server.
import { z } from "zod";
import { isValidTimeZone } from "../time/zoned";
import { MAX_WRITEUP_BYTES } from "../writeup/types";
import { MAX_NOTE_BYTES } from "./notes";

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid_id");
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time_invalid");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "date_invalid",
  );
const timeZone = z.string().trim().min(1).max(64).refine(isValidTimeZone, "time_zone_invalid");
const fileName = z.string().trim().max(255).optional();
const utf8Max = (max: number, message: string) =>
  z.string().refine((s) => Buffer.byteLength(s, "utf8") <= max, message);

/** Where a section goes: a new talk, an event-level note, or an existing talk of the chosen event. */
export const sectionTarget = z.union([
  z.literal("new-talk"),
  z.literal("event-note"),
  z.string().regex(/^talk:[A-Za-z0-9_-]{1,64}$/, "target_invalid"),
]);
export type SectionTarget = z.infer<typeof sectionTarget>;

export const writeupPreviewOptions = z.object({
  fileName,
  timeZone: timeZone.optional(),
  /** Plan against this event instead of the one found by name and date ("" = create a new one). */
  eventId: id.optional(),
});
export type WriteupPreviewOptions = z.infer<typeof writeupPreviewOptions>;

export const writeupApplyInput = z
  .object({
    source: utf8Max(MAX_WRITEUP_BYTES, "writeup_too_large"),
    fileName,
    event: z.object({
      /** null: create a new event from the write-up. */
      targetId: id.nullable(),
      name: z.string().trim().min(1, "event_name_required").max(200, "event_name_too_long"),
      date: isoDate,
      timeZone,
    }),
    /** The sections as the user left them in the preview (split, merged, turned into talks or notes). */
    sections: z
      .array(
        z.object({
          index: z.number().int().min(0).max(100_000),
          target: sectionTarget,
          body: utf8Max(MAX_NOTE_BYTES, "note_too_large"),
          title: z.string().trim().min(1, "title_required").max(300, "title_too_long").optional(),
          startTime: hhmm.optional(),
          endTime: hhmm.optional(),
          /** A talk the post gives no time: stored in order, its time marked unknown (never exported as a time). */
          timeUnknown: z.boolean().optional(),
          /** A new talk's speakers and track, as the post gave them. */
          speakers: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
          track: z.string().trim().min(1).max(100).optional(),
        }),
      )
      .max(5000),
  })
  .refine((v) => v.sections.every((s) => !s.startTime || !s.endTime || s.startTime < s.endTime), {
    message: "time_order",
    path: ["sections"],
  });
export type WriteupApplyInput = z.infer<typeof writeupApplyInput>;

export const writeupExportOptions = z.object({
  flavour: z.enum(["jekyll", "hugo"]).default("jekyll"),
  teamId: id.optional(),
  locale: z.enum(["ko", "en"]).default("ko"),
});
export type WriteupExportOptions = z.infer<typeof writeupExportOptions>;
