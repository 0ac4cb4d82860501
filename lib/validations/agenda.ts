// Inputs of the agenda import/export edges (admin form, HTTP endpoint, CLIs). Messages are codes,
// as in the other validation modules; the edges translate them.
import { z } from "zod";
import { MAX_AGENDA_BYTES } from "../agenda/plan";
import { isValidTimeZone } from "../time/zoned";

export const eventSlug = z
  .string()
  .trim()
  .min(1, "event_slug_required")
  .max(100, "event_slug_too_long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "event_slug_invalid");

export const agendaTimeZone = z.string().trim().refine(isValidTimeZone, "time_zone_invalid");

export const agendaImportOptions = z.object({
  eventSlug: eventSlug.optional(),
  timeZone: agendaTimeZone.optional(),
  dryRun: z.boolean().default(false),
});

/** An uploaded file as the HTTP endpoint / server action receives it. */
export const agendaUpload = z.object({
  filename: z.string().trim().min(1, "file_name_required").max(255, "file_name_too_long"),
  size: z.number().int().nonnegative().max(MAX_AGENDA_BYTES, "file_too_large"),
});

export const AGENDA_EXPORT_FORMATS = ["xml", "json", "ics"] as const;
export const agendaExportFormat = z.enum(AGENDA_EXPORT_FORMATS, { error: "export_format_invalid" });

export const agendaExportInput = z.object({ slug: eventSlug, format: agendaExportFormat });

export type AgendaImportOptions = z.infer<typeof agendaImportOptions>;
export type AgendaExportFormat = z.infer<typeof agendaExportFormat>;
