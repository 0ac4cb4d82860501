"use client";

import { useState, type ComponentProps } from "react";
import { NoteEditor } from "./note-editor";
import { NoteSharing, type SharingState } from "./note-sharing";

type Props = Omit<ComponentProps<typeof NoteEditor>, "onNoteCreated"> & {
  sharing: SharingState;
  teams: { id: string; name: string }[];
};

/** The talk note editor plus its sharing panel, which appears as soon as the first save creates the note. */
export function TalkNoteWorkspace({ sharing, teams, ...editor }: Props) {
  const [createdId, setCreatedId] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <NoteEditor {...editor} onNoteCreated={setCreatedId} />
      <NoteSharing noteId={editor.server?.noteId ?? createdId} initial={sharing} teams={teams} />
    </div>
  );
}
