"use client";

import { useCallback, useEffect, useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { eventDraftKey } from "@/lib/notes/draft-keys";
import { newOpId } from "@/lib/notes/local-drafts";
import { NoteEditor } from "./note-editor";
import type { TagView } from "./note-tags";

/**
 * Event-level notes have no talk to key their local draft by, so the draft id lives in the URL
 * (?draft=…): a reload while offline finds the same draft again.
 */
export function EventNoteEditor(props: {
  slug: string;
  userId: string;
  eventId: string;
  timeZone: string;
  server: { noteId: string; body: string; version: number } | null;
  tags: TagView[];
  pinnedNow?: string | null;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const fromUrl = params.get("draft");
  const [localId] = useState(() =>
    fromUrl && /^[A-Za-z0-9_-]{1,64}$/.test(fromUrl) ? fromUrl : (props.server?.noteId ?? newOpId()),
  );
  useEffect(() => {
    if (fromUrl !== localId && !props.server) router.replace(`?draft=${localId}`);
  }, [fromUrl, localId, props.server, router]);
  const onNoteCreated = useCallback(
    (noteId: string) => router.replace(`/events/${props.slug}/notes/${noteId}?draft=${localId}`),
    [localId, props.slug, router],
  );
  return (
    <NoteEditor
      userId={props.userId}
      eventId={props.eventId}
      talkId={null}
      draftKey={eventDraftKey(props.userId, props.eventId, localId)}
      server={props.server}
      tags={props.tags}
      timeZone={props.timeZone}
      talkStartsAt={null}
      pinnedNow={props.pinnedNow ?? null}
      onNoteCreated={onNoteCreated}
    />
  );
}
