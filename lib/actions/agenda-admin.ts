"use server";

import { revalidatePath } from "next/cache";
import { db } from "../db";
import { createEvent, deleteEvent, deleteTalk, deleteTrack, moveTalk, saveTalk, saveTrack, updateEvent } from "../data/agenda-admin";
import { deleteInput, entityId, eventInput, moveTalkInput, talkInput, trackInput } from "../validations/agenda-admin";
import { z } from "zod";
import { adminAction } from "./safe-action";

const refresh = () => {
  revalidatePath("/events", "layout");
  revalidatePath("/admin", "layout");
};

const createEventSafe = adminAction(eventInput, async (input) => {
  const event = await createEvent(db, input);
  refresh();
  return event;
});
const updateEventSafe = adminAction(z.object({ eventId: entityId, event: eventInput }), async ({ eventId, event }) => {
  const updated = await updateEvent(db, eventId, event);
  refresh();
  return updated;
});
const deleteEventSafe = adminAction(deleteInput, async ({ id, confirm }) => {
  const result = await deleteEvent(db, id, confirm);
  refresh();
  return result;
});
const saveTrackSafe = adminAction(trackInput, async (input) => {
  const track = await saveTrack(db, input);
  refresh();
  return track;
});
const deleteTrackSafe = adminAction(deleteInput, async ({ id }) => {
  await deleteTrack(db, id);
  refresh();
  return {};
});
const saveTalkSafe = adminAction(talkInput, async (input) => {
  const talk = await saveTalk(db, input);
  refresh();
  return talk;
});
const moveTalkSafe = adminAction(moveTalkInput, async (input) => {
  const talk = await moveTalk(db, input);
  refresh();
  return talk;
});
const deleteTalkSafe = adminAction(deleteInput, async ({ id, confirm }) => {
  const result = await deleteTalk(db, id, confirm);
  refresh();
  return result;
});

export async function createEventAction(input: unknown) {
  return createEventSafe(input);
}
export async function updateEventAction(input: unknown) {
  return updateEventSafe(input);
}
export async function deleteEventAction(input: unknown) {
  return deleteEventSafe(input);
}
export async function saveTrackAction(input: unknown) {
  return saveTrackSafe(input);
}
export async function deleteTrackAction(input: unknown) {
  return deleteTrackSafe(input);
}
export async function saveTalkAction(input: unknown) {
  return saveTalkSafe(input);
}
export async function moveTalkAction(input: unknown) {
  return moveTalkSafe(input);
}
export async function deleteTalkAction(input: unknown) {
  return deleteTalkSafe(input);
}
