import "server-only";
import type { Db } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import type { NoteTagInput } from "../validations/notes";

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
  try {
    return await db.noteTag.create({ data: { noteId: input.noteId, serviceId, topic: serviceId ? null : input.topic, source: input.source }, select: { id: true } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const existing = await db.noteTag.findFirstOrThrow({ where: { noteId: input.noteId, ...(serviceId ? { serviceId } : { topic: input.topic }) }, select: { id: true } });
    return existing;
  }
}

export async function removeNoteTag(db: Db, authorId: string, noteId: string, tagId: string) {
  await requireOwnNote(db, authorId, noteId);
  const removed = await db.noteTag.deleteMany({ where: { id: tagId, noteId } });
  if (!removed.count) throw new AppError("NOT_FOUND", "tag_not_found");
}
