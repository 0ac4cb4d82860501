import { beforeAll, expect, it } from "vitest";
import type { Db } from "../db-client";
import { createSearchWorld, type SearchWorld } from "../search/search-fixture";
import { searchEverything } from "../search";
import { describeEachDatabase } from "../testing/databases";
import { visibleNotesWhere } from "./team-notes";
import { readableNoteIds } from "./visible-notes";

describeEachDatabase("readableNoteIds", (getDb) => {
  let world: SearchWorld;
  let viewer: { id: string };
  let stranger: { id: string };
  beforeAll(async () => {
    const db = getDb();
    world = await createSearchWorld(db);
    // A viewer of ana's team, and a TEAM note that was made PRIVATE again but kept a stale share row.
    viewer = await db.user.create({
      data: { email: `viewer-${world.suffix}@example.test`, name: `viewer-${world.suffix}` },
    });
    stranger = await db.user.create({
      data: { email: `stranger-${world.suffix}@example.test`, name: `stranger-${world.suffix}` },
    });
    await db.membership.create({ data: { teamId: world.teams.anaTeam.id, userId: viewer.id, role: "VIEWER" } });
    await db.note.create({
      data: {
        authorId: world.users.bo.id,
        eventId: world.events.e2024.id,
        visibility: "PRIVATE",
        body: "stale share",
        shares: { create: [{ teamId: world.teams.anaTeam.id }] },
      },
    });
    await db.note.create({
      data: {
        authorId: world.users.bo.id,
        eventId: world.events.e2024.id,
        visibility: "PUBLIC",
        body: "public with a stale share",
        shares: { create: [{ teamId: world.teams.anaTeam.id }] },
      },
    });
  });

  const ours = (db: Db, where: object) =>
    db.note
      .findMany({
        where: { AND: [where, { eventId: { in: [world.events.e2024.id, world.events.e2023.id] } }] },
        select: { id: true },
      })
      .then((rows) => rows.map((r) => r.id).sort());

  it("selects exactly the notes visibleNotesWhere selects, for every kind of reader", async () => {
    const db = getDb();
    const actors: [string, string | null][] = [
      ["ana (owner of a team)", world.users.ana.id],
      ["bo (editor)", world.users.bo.id],
      ["cy", world.users.cy.id],
      ["dee", world.users.dee.id],
      ["viewer", viewer.id],
      ["stranger", stranger.id],
      ["nobody", null],
    ];
    const events = [world.events.e2024.id, world.events.e2023.id];
    for (const [label, actorId] of actors) {
      const expected = await ours(db, visibleNotesWhere(actorId));
      const ids = (await readableNoteIds(db, actorId, events)).sort();
      expect(ids, label).toEqual(expected);
      // Unfiltered, restricted to this world's events afterwards: the same set.
      expect(await ours(db, { id: { in: await readableNoteIds(db, actorId) } }), label).toEqual(expected);
      // One event only.
      expect((await readableNoteIds(db, actorId, [world.events.e2023.id])).sort(), label).toEqual(
        await db.note
          .findMany({
            where: { AND: [visibleNotesWhere(actorId), { eventId: world.events.e2023.id }] },
            select: { id: true },
          })
          .then((r) => r.map((x) => x.id).sort()),
      );
    }
    // The comparison means something: the readers see different, non-empty sets (and nobody sees nothing).
    expect((await ours(db, visibleNotesWhere(viewer.id))).length).toBe(2); // bo's two TEAM notes, not the stale shares
    expect((await ours(db, visibleNotesWhere(world.users.ana.id))).length).toBe(7);
    expect(await readableNoteIds(db, null)).toEqual([]);
    expect(await readableNoteIds(db, stranger.id, events)).toEqual([]);
  });

  it("search finds the same notes from readableNoteIds as from evaluating visibleNotesWhere", async () => {
    const db = getDb();
    const filters = { eventIds: [world.events.e2024.id, world.events.e2023.id] };
    for (const actorId of [world.users.ana.id, world.users.cy.id, viewer.id]) {
      for (const query of ["람다", "secret", "DynamoDB", "stale"]) {
        const plain = await searchEverything(db, { query, actorId, noteWhere: visibleNotesWhere(actorId), filters });
        const fast = await searchEverything(db, {
          query,
          actorId,
          noteWhere: visibleNotesWhere(actorId),
          visibleNoteIds: await readableNoteIds(db, actorId),
          filters,
        });
        expect(
          fast.notes.map((n) => n.id),
          query,
        ).toEqual(plain.notes.map((n) => n.id));
        expect(fast.facets, query).toEqual(plain.facets);
      }
    }
  });
});
