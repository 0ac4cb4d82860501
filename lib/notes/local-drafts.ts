"use client";

import Dexie, { type EntityTable } from "dexie";

/**
 * Every keystroke lands here (IndexedDB) before any network call, so a note survives a closed tab,
 * a reload while offline and a server that is down. The outbox is the set of `dirty` drafts.
 */
export type Draft = {
  key: string; // "<userId>:talk:<talkId>" or "<userId>:event:<eventId>:<localId>"
  userId: string;
  eventId: string;
  talkId: string | null;
  noteId: string | null;
  body: string;
  baseVersion: number;
  /** The text of baseVersion (what this device last had in step with the server): the base of a three-way merge. Absent in drafts stored before it was kept. */
  baseBody?: string;
  dirty: boolean;
  /** The outbox entry being sent: its id is reused on retry so the server can acknowledge a replay. */
  pending: { opId: string; body: string } | null;
  conflict: { serverBody: string; serverVersion: number } | null;
  updatedAt: number;
};

class DraftDb extends Dexie {
  drafts!: EntityTable<Draft, "key">;
  constructor() {
    super("summit-notes");
    this.version(1).stores({ drafts: "key, userId, dirty, noteId" });
  }
}

let instance: DraftDb | null = null;
export function draftDb(): DraftDb {
  return (instance ??= new DraftDb());
}

export function newOpId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
