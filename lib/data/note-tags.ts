import "server-only";
import type { Db } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import type { NoteTagInput } from "../validations/notes";

/**
 * Tags one note may carry (AWS services and #topics together). A real note has a handful; the
 * limit stops a script from attaching thousands (600 topics on one note were accepted before),
 * which every view of the note, the tag lists and the insights then load. Past it, adding is
 * refused with "too_many_tags": silently dropping a tag the user just typed would look like a bug.
 */
export const MAX_TAGS_PER_NOTE = 50;

async function requireOwnNote(db: Db, authorId: string, noteId: string) {
  const note = await db.note.findFirst({ where: { id: noteId, authorId }, select: { id: true } });
  if (!note) throw new AppError("NOT_FOUND", "note_not_found");
  return note;
}

export async function addNoteTag(db: Db, authorId: string, input: NoteTagInput) {
  await requireOwnNote(db, authorId, input.noteId);
  let serviceId: string | null = null;
  if (input.serviceSlug) {
    const service = await db.service.findUnique({ where: { slug: input.serviceSlug }, select: { id: true } });
    if (!service) throw new AppError("NOT_FOUND", "service_not_found");
    serviceId = service.id;
  }
  const same = { noteId: input.noteId, ...(serviceId ? { serviceId } : { topic: input.topic }) };
  try {
    // Count and insert in one transaction (SQLite runs it alone; on PostgreSQL two racing adds at the
    // limit can both pass, so the bound holds up to the user's own concurrent requests).
    return await db.$transaction(async (tx) => {
      const [count, existing] = await Promise.all([
        tx.noteTag.count({ where: { noteId: input.noteId } }),
        tx.noteTag.findFirst({ where: same, select: { id: true } }),
      ]);
      if (existing) return existing;
      if (count >= MAX_TAGS_PER_NOTE)
        throw new AppError("INVALID", "too_many_tags", { tags: ["too_many_tags"] }, { limit: MAX_TAGS_PER_NOTE });
      return tx.noteTag.create({
        data: { noteId: input.noteId, serviceId, topic: serviceId ? null : input.topic, source: input.source },
        select: { id: true },
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const existing = await db.noteTag.findFirstOrThrow({ where: same, select: { id: true } });
    return existing;
  }
}

export async function removeNoteTag(db: Db, authorId: string, noteId: string, tagId: string) {
  await requireOwnNote(db, authorId, noteId);
  const removed = await db.noteTag.deleteMany({ where: { id: tagId, noteId } });
  if (!removed.count) throw new AppError("NOT_FOUND", "tag_not_found");
}
