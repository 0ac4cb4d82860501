"use server";

import { revalidatePath } from "next/cache";
import { db } from "../db";
import { invalidateAgendas } from "../data/agenda-cache";
import {
  createEvent,
  deleteEvent,
  deleteTalk,
  deleteTrack,
  moveTalk,
  saveTalk,
  saveTrack,
  updateEvent,
} from "../data/agenda-admin";
import { deleteInput, entityId, eventInput, moveTalkInput, talkInput, trackInput } from "../validations/agenda-admin";
import { z } from "zod";
import { adminAction } from "./safe-action";

// After the write has committed: the agenda grid cache on every instance (lib/data/agenda-cache.ts)
// and Next's router cache.
const refresh = async () => {
  await invalidateAgendas();
  revalidatePath("/events", "layout");
  revalidatePath("/admin", "layout");
};

const createEventSafe = adminAction(eventInput, async (input) => {
  const event = await createEvent(db, input);
  await refresh();
  return event;
});
const updateEventSafe = adminAction(z.object({ eventId: entityId, event: eventInput }), async ({ eventId, event }) => {
  const updated = await updateEvent(db, eventId, event);
  await refresh();
  return updated;
});
const deleteEventSafe = adminAction(deleteInput, async ({ id, confirm }) => {
  const result = await deleteEvent(db, id, confirm);
  await refresh();
  return result;
});
const saveTrackSafe = adminAction(trackInput, async (input) => {
  const track = await saveTrack(db, input);
  await refresh();
  return track;
});
const deleteTrackSafe = adminAction(deleteInput, async ({ id }) => {
  await deleteTrack(db, id);
  await refresh();
  return {};
});
const saveTalkSafe = adminAction(talkInput, async (input) => {
  const talk = await saveTalk(db, input);
  await refresh();
  return talk;
});
const moveTalkSafe = adminAction(moveTalkInput, async (input) => {
  const talk = await moveTalk(db, input);
  await refresh();
  return talk;
});
const deleteTalkSafe = adminAction(deleteInput, async ({ id, confirm }) => {
  const result = await deleteTalk(db, id, confirm);
  await refresh();
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
