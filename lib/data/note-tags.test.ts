// Tags per note are bounded: 600 topics on one note used to be accepted.
import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { addNoteTag, MAX_TAGS_PER_NOTE } from "./note-tags";

describeEachDatabase("note tags", (getDb) => {
  it(`a note takes ${MAX_TAGS_PER_NOTE} tags; the next is refused (too_many_tags), an existing one is still idempotent`, async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const user = await db.user.create({ data: { email: `tags-${s}@example.test`, name: "Tagger" } });
    const event = await db.event.create({
      data: { name: "E", slug: `tags-${s}`, startDate: new Date("2024-01-01"), endDate: new Date("2024-01-02") },
    });
    const note = await db.note.create({ data: { authorId: user.id, eventId: event.id, body: "x" } });
    for (let i = 0; i < MAX_TAGS_PER_NOTE; i++)
      await addNoteTag(db, user.id, { noteId: note.id, topic: `topic-${i}`, source: "CHOSEN" });
    await expect(
      addNoteTag(db, user.id, { noteId: note.id, topic: "one-too-many", source: "CHOSEN" }),
    ).rejects.toMatchObject({ code: "INVALID", message: "too_many_tags" });
    await expect(
      addNoteTag(db, user.id, { noteId: note.id, topic: "topic-0", source: "CHOSEN" }),
    ).resolves.toMatchObject({ id: expect.any(String) });
    // A burst of parallel adds (the way a script would try) stays bounded too.
    await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        addNoteTag(db, user.id, { noteId: note.id, topic: `burst-${i}`, source: "CHOSEN" }),
      ),
    );
    expect(await db.noteTag.count({ where: { noteId: note.id } })).toBe(MAX_TAGS_PER_NOTE);
  });
});
