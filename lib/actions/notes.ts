"use server";

import { z } from "zod";
import { db } from "../db";
import { addNoteTag, removeNoteTag } from "../data/note-tags";
import { getOwnNote, restoreRevision } from "../data/notes";
import { searchServices, suggestServices } from "../data/services";
import { AppError } from "../errors";
import { noteTagInput, noteTagRemoveInput, restoreRevisionInput } from "../validations/notes";
import { userAction } from "./safe-action";

const tagsOf = async (authorId: string, noteId: string) => {
  const note = await getOwnNote(db, authorId, noteId);
  if (!note) throw new AppError("NOT_FOUND", "note_not_found");
  return note.tags;
};

const addTag = userAction(noteTagInput, async (input, { user }) => {
  await addNoteTag(db, user.id, input);
  return tagsOf(user.id, input.noteId);
});
const removeTag = userAction(noteTagRemoveInput, async ({ noteId, tagId }, { user }) => {
  await removeNoteTag(db, user.id, noteId, tagId);
  return tagsOf(user.id, noteId);
});
const suggest = userAction(z.object({ noteId: z.string().min(1).max(64) }), async ({ noteId }, { user }) => {
  const note = await getOwnNote(db, user.id, noteId);
  if (!note) throw new AppError("NOT_FOUND", "note_not_found");
  return suggestServices(
    db,
    note.body,
    note.tags.flatMap((t) => (t.service ? [t.service.slug] : [])),
  );
});
const search = userAction(z.object({ query: z.string().trim().min(1).max(60) }), async ({ query }) =>
  searchServices(db, query),
);
const restore = userAction(restoreRevisionInput, async ({ noteId, revisionId, opId }, { user }) =>
  restoreRevision(db, user.id, noteId, revisionId, opId),
);

export async function addNoteTagAction(input: unknown) {
  return addTag(input);
}
export async function removeNoteTagAction(input: unknown) {
  return removeTag(input);
}
export async function suggestNoteTagsAction(input: unknown) {
  return suggest(input);
}
export async function searchServicesAction(input: unknown) {
  return search(input);
}
export async function restoreRevisionAction(input: unknown) {
  return restore(input);
}
