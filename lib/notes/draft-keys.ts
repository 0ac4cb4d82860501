// Shared by server pages and client code (no browser APIs here).
export function talkDraftKey(userId: string, talkId: string) {
  return `${userId}:talk:${talkId}`;
}

export function eventDraftKey(userId: string, eventId: string, localId: string) {
  return `${userId}:event:${eventId}:${localId}`;
}
