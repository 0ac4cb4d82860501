import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { getTalkDetail } from "./talks";

describeEachDatabase("talk detail", (getDb) => {
  it("counts only team notes the viewer may read", async () => {
    const db = getDb();
    const s = uniqueSuffix();
    const [viewer, author, stranger] = await Promise.all(
      ["viewer", "author", "stranger"].map((n) =>
        db.user.create({ data: { email: `${n}-${s}@example.test`, name: n } }),
      ),
    );
    const event = await db.event.create({
      data: { name: "E", slug: `talk-detail-${s}`, startDate: new Date("2024-01-01"), endDate: new Date("2024-01-02") },
    });
    const talk = await db.talk.create({
      data: {
        eventId: event.id,
        title: "T",
        startsAt: new Date("2024-01-01T01:00Z"),
        endsAt: new Date("2024-01-01T02:00Z"),
      },
    });
    const team = await db.team.create({
      data: {
        name: "T",
        slug: `team-${s}`,
        memberships: {
          create: [
            { userId: viewer.id, role: "VIEWER" },
            { userId: author.id, role: "EDITOR" },
          ],
        },
      },
    });
    await db.note.create({
      data: {
        authorId: author.id,
        eventId: event.id,
        talkId: talk.id,
        body: "shared",
        visibility: "TEAM",
        shares: { create: { teamId: team.id } },
      },
    });
    await db.note.create({ data: { authorId: stranger.id, eventId: event.id, talkId: talk.id, body: "private" } });
    expect((await getTalkDetail(db, event.slug, talk.id, viewer.id))?.teamNoteCount).toBe(1);
    expect((await getTalkDetail(db, event.slug, talk.id, stranger.id))?.teamNoteCount).toBe(0);
    expect((await getTalkDetail(db, event.slug, talk.id, null))?.teamNoteCount).toBe(0);
  });
});
