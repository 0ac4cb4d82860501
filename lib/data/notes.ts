import "server-only";
import type { Db, Tx } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import type { NoteSaveInput } from "../validations/notes";
import { trySaveExistingNote } from "./note-save-fast";

export type SaveResult =
  | { status: "saved"; noteId: string; version: number; duplicate?: boolean }
  | { status: "conflict"; noteId: string; serverVersion: number; serverBody: string };

async function writeRevision(
  tx: Tx,
  noteId: string,
  authorId: string,
  baseVersion: number,
  body: string,
  opId: string,
): Promise<SaveResult | null> {
  // Conditional on the version the client saw: a concurrent save makes this match nothing.
  const updated = await tx.note.updateMany({
    where: { id: noteId, authorId, version: baseVersion },
    data: { body, version: baseVersion + 1 },
  });
  if (updated.count === 0) return null;
  await tx.noteRevision.create({ data: { noteId, authorId, version: baseVersion + 1, body, clientOpId: opId } });
  return { status: "saved", noteId, version: baseVersion + 1 };
}

async function conflictWith(tx: Tx | Db, noteId: string): Promise<SaveResult> {
  const current = await tx.note.findUniqueOrThrow({ where: { id: noteId }, select: { version: true, body: true } });
  return { status: "conflict", noteId, serverVersion: current.version, serverBody: current.body };
}

/**
 * The one save path (autosave, offline sync, merges, restores): the author's own note only; a
 * save against an older version never overwrites, it returns the server's text instead.
 */
export async function saveNote(db: Db, authorId: string, input: NoteSaveInput): Promise<SaveResult> {
  if (input.noteId) {
    const version = await trySaveExistingNote(db, {
      noteId: input.noteId,
      authorId,
      baseVersion: input.baseVersion,
      body: input.body,
      opId: input.opId,
    });
    if (version !== null) return { status: "saved", noteId: input.noteId, version };
  }
  const replay = await db.noteRevision.findFirst({
    where: { clientOpId: input.opId, note: { authorId } },
    select: { noteId: true, version: true },
  });
  if (replay) return { status: "saved", noteId: replay.noteId, version: replay.version, duplicate: true };

  if (input.noteId) {
    const note = await db.note.findFirst({
      where: { id: input.noteId, authorId },
      select: { id: true, version: true, body: true },
    });
    if (!note) throw new AppError("NOT_FOUND", "note_not_found");
    if (note.body === input.body) return { status: "saved", noteId: note.id, version: note.version };
    if (note.version !== input.baseVersion) return conflictWith(db, note.id);
    return db.$transaction(
      async (tx) =>
        (await writeRevision(tx, note.id, authorId, input.baseVersion, input.body, input.opId)) ??
        conflictWith(tx, note.id),
    );
  }

  const event = await db.event.findUnique({ where: { id: input.eventId }, select: { id: true } });
  if (!event) throw new AppError("NOT_FOUND", "event_not_found");
  const talkId = input.talkId ?? null;
  if (talkId) {
    const talk = await db.talk.findFirst({ where: { id: talkId, eventId: event.id }, select: { id: true } });
    if (!talk) throw new AppError("NOT_FOUND", "talk_not_found");
    // Created meanwhile (another tab or device): treat as a conflict with that note.
    const existing = await db.note.findFirst({
      where: { authorId, talkId },
      select: { id: true, body: true, version: true },
    });
    if (existing)
      return existing.body === input.body
        ? { status: "saved", noteId: existing.id, version: existing.version }
        : conflictWith(db, existing.id);
  }
  try {
    return await db.$transaction(async (tx) => {
      const note = await tx.note.create({
        data: { authorId, eventId: event.id, talkId, body: input.body, version: 1 },
        select: { id: true },
      });
      await tx.noteRevision.create({
        data: { noteId: note.id, authorId, version: 1, body: input.body, clientOpId: input.opId },
      });
      return { status: "saved" as const, noteId: note.id, version: 1 };
    });
  } catch (e) {
    if (isUniqueViolation(e) && talkId) {
      const existing = await db.note.findFirstOrThrow({ where: { authorId, talkId }, select: { id: true } });
      return conflictWith(db, existing.id);
    }
    throw e;
  }
}

/** The author's own note, with tags, for the editor. */
export async function getOwnNote(db: Db, authorId: string, noteId: string) {
  return db.note.findFirst({
    where: { id: noteId, authorId },
    select: {
      id: true,
      body: true,
      version: true,
      visibility: true,
      eventId: true,
      talkId: true,
      updatedAt: true,
      tags: {
        select: {
          id: true,
          topic: true,
          source: true,
          service: { select: { slug: true, name: true, shortName: true, category: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

export async function findOwnTalkNoteId(db: Db, authorId: string, talkId: string) {
  return (await db.note.findFirst({ where: { authorId, talkId }, select: { id: true } }))?.id ?? null;
}

export async function listOwnEventNotes(db: Db, authorId: string, eventId: string) {
  return db.note.findMany({
    where: { authorId, eventId, talkId: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, updatedAt: true },
  });
}

export async function listRevisions(db: Db, authorId: string, noteId: string) {
  const note = await db.note.findFirst({ where: { id: noteId, authorId }, select: { id: true } });
  if (!note) return null;
  return db.noteRevision.findMany({
    where: { noteId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
}

/** Restoring writes the old text as a new revision (history is never rewritten). */
export async function restoreRevision(
  db: Db,
  authorId: string,
  noteId: string,
  revisionId: string,
  opId: string,
): Promise<SaveResult> {
  const note = await db.note.findFirst({
    where: { id: noteId, authorId },
    select: { id: true, version: true, eventId: true, talkId: true },
  });
  if (!note) throw new AppError("NOT_FOUND", "note_not_found");
  const revision = await db.noteRevision.findFirst({ where: { id: revisionId, noteId }, select: { body: true } });
  if (!revision) throw new AppError("NOT_FOUND", "revision_not_found");
  return saveNote(db, authorId, {
    opId,
    noteId,
    eventId: note.eventId,
    talkId: note.talkId,
    baseVersion: note.version,
    body: revision.body,
  });
}
