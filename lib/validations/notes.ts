import { z } from "zod";

export const MAX_NOTE_BYTES = 1_000_000;
const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid_id");

export const noteSaveInput = z
  .object({
    /** Client-chosen id of the outbox entry: a retried save is acknowledged, not written twice. */
    opId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, "invalid_op_id"),
    noteId: id.optional(),
    eventId: id,
    talkId: id.nullable().optional(),
    baseVersion: z.number().int().min(0).max(1_000_000_000),
    // NUL is dropped: PostgreSQL cannot store it in text (a save would fail), and it never means anything in a note.
    body: z
      .string()
      .transform((s) => (s.includes("\u0000") ? s.replace(/\u0000/g, "") : s))
      .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_NOTE_BYTES, "note_too_large"),
  })
  .refine((v) => v.noteId || v.talkId !== undefined, { message: "talk_or_note_required", path: ["talkId"] });

export const noteTagInput = z
  .object({
    noteId: id,
    serviceSlug: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9-]+$/, "invalid_service")
      .optional(),
    topic: z
      .string()
      .trim()
      .transform((s) => s.replace(/^#/, "").toLowerCase())
      .pipe(
        z
          .string()
          .min(1, "topic_required")
          .max(40, "topic_too_long")
          .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, "topic_invalid"),
      )
      .optional(),
    source: z.enum(["CHOSEN", "SUGGESTED"]).default("CHOSEN"),
  })
  .refine((v) => !!v.serviceSlug !== !!v.topic, { message: "service_or_topic", path: ["serviceSlug"] });

export const noteTagRemoveInput = z.object({ noteId: id, tagId: id });
export const restoreRevisionInput = z.object({
  noteId: id,
  revisionId: id,
  opId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export type NoteSaveInput = z.infer<typeof noteSaveInput>;
export type NoteTagInput = z.infer<typeof noteTagInput>;
