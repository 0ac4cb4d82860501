import { describe, expect, it } from "vitest";
import { can, type Action } from "../authz/policy";
import type { Db } from "../db-client";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { MAX_WRITEUP_BYTES } from "../validations/teams";
import { addComment, setNoteVisibility } from "./team-notes";
import {
  buildMergedWriteup,
  claimTalk,
  coveragePlan,
  getWriteup,
  markReviewed,
  saveWriteup,
  teamReview,
  unclaimTalk,
  unmarkReviewed,
} from "./team-review";
import { createTeam } from "./teams";

type MatrixRole = "owner" | "editor" | "viewer" | "stranger";
type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND";
const WRITERS: Record<MatrixRole, Outcome> = { owner: "ok", editor: "ok", viewer: "FORBIDDEN", stranger: "NOT_FOUND" };
const MEMBERS: Record<MatrixRole, Outcome> = { owner: "ok", editor: "ok", viewer: "ok", stranger: "NOT_FOUND" };
const outcomeFromPolicy = (role: MatrixRole, action: Action): Outcome =>
  can(role, action) ? "ok" : can(role, "team.read") ? "FORBIDDEN" : "NOT_FOUND";

describeEachDatabase("team review", (getDb) => {
  /**
   * Crew: Olga (owner), Eve (editor), Vic (viewer); Sam is in no team; Rex runs a rival team.
   * Agenda (Asia/Seoul): day 1 keynote 09:00, then tracks A and B at 10:00 and 11:00; day 2 a closing plenary.
   */
  async function setup() {
    const db = getDb();
    const s = uniqueSuffix();
    const user = (name: string) => db.user.create({ data: { email: `${name.toLowerCase()}-${s}@example.test`, name } });
    const [owner, editor, viewer, stranger, rex] = await Promise.all(["Olga", "Eve", "Vic", "Sam", "Rex"].map(user));
    const team = await createTeam(db, owner.id, "Crew");
    const rival = await createTeam(db, rex.id, "Rivals");
    await db.membership.createMany({
      data: [
        { teamId: team.id, userId: editor.id, role: "EDITOR" },
        { teamId: team.id, userId: viewer.id, role: "VIEWER" },
      ],
    });
    const event = await db.event.create({
      data: {
        name: "Summit",
        slug: `summit-${s}`,
        timeZone: "Asia/Seoul",
        startDate: new Date("2024-05-15T15:00Z"),
        endDate: new Date("2024-05-17T14:59Z"),
      },
    });
    const [trackA, trackB] = await Promise.all([
      db.track.create({ data: { eventId: event.id, name: "Track A", position: 0 } }),
      db.track.create({ data: { eventId: event.id, name: "Track B", position: 1 } }),
    ]);
    const talk = (title: string, trackId: string | null, startsAt: string, endsAt: string) =>
      db.talk.create({
        data: { eventId: event.id, title, trackId, startsAt: new Date(startsAt), endsAt: new Date(endsAt) },
      });
    const keynote = await talk("Keynote", null, "2024-05-16T00:00Z", "2024-05-16T01:00Z");
    const a1 = await talk("Lambda", trackA.id, "2024-05-16T01:00Z", "2024-05-16T01:40Z");
    const b1 = await talk("DynamoDB", trackB.id, "2024-05-16T01:00Z", "2024-05-16T01:40Z");
    const a2 = await talk("S3", trackA.id, "2024-05-16T02:00Z", "2024-05-16T02:40Z");
    const b2 = await talk("EKS", trackB.id, "2024-05-16T02:00Z", "2024-05-16T02:40Z");
    const closing = await talk("Closing", null, "2024-05-17T00:00Z", "2024-05-17T01:00Z");
    const users = { owner, editor, viewer, stranger };
    return { db, team, rival, rex, users, event, talks: { keynote, a1, b1, a2, b2, closing } };
  }
  type World = Awaited<ReturnType<typeof setup>>;

  /** A note written straight into the database, then shared through the real sharing function. */
  async function sharedNote(w: World, authorId: string, talkId: string | null, body: string, teamIds: string[] | null) {
    const note = await w.db.note.create({ data: { authorId, eventId: w.event.id, talkId, body } });
    if (teamIds) await setNoteVisibility(w.db, authorId, note.id, { visibility: "TEAM", teamIds });
    return note;
  }

  async function snapshot(db: Db, teamId: string) {
    const [claims, reviews, writeups] = await Promise.all([
      db.claim.findMany({ where: { teamId }, orderBy: { id: "asc" }, select: { talkId: true, userId: true } }),
      db.talkReview.findMany({ where: { teamId }, orderBy: { talkId: "asc" }, select: { talkId: true } }),
      db.writeup.findMany({
        where: { teamId },
        orderBy: { id: "asc" },
        select: { id: true, body: true, talkId: true },
      }),
    ]);
    return { claims, reviews, writeups };
  }

  type Operation = {
    name: string;
    action: Action;
    expected: Record<MatrixRole, Outcome>;
    run: (w: World, actorId: string) => Promise<unknown>;
  };
  const operations: Operation[] = [
    {
      name: "claimTalk",
      action: "talk.claim",
      expected: WRITERS,
      run: (w, a) => claimTalk(w.db, a, w.team.id, w.talks.a1.id),
    },
    {
      name: "unclaimTalk",
      action: "talk.claim",
      expected: WRITERS,
      run: (w, a) => unclaimTalk(w.db, a, w.team.id, w.talks.a1.id),
    },
    {
      name: "markReviewed",
      action: "talk.markReviewed",
      expected: WRITERS,
      run: (w, a) => markReviewed(w.db, a, w.team.id, w.talks.a1.id),
    },
    {
      name: "unmarkReviewed",
      action: "talk.markReviewed",
      expected: WRITERS,
      run: (w, a) => unmarkReviewed(w.db, a, w.team.id, w.talks.a1.id),
    },
    {
      name: "saveWriteup",
      action: "writeup.edit",
      expected: WRITERS,
      run: (w, a) => saveWriteup(w.db, a, w.team.id, w.event.id, null, "# Final"),
    },
    {
      name: "getWriteup",
      action: "writeup.read",
      expected: MEMBERS,
      run: (w, a) => getWriteup(w.db, a, w.team.id, w.event.id, null),
    },
    {
      name: "coveragePlan",
      action: "team.read",
      expected: MEMBERS,
      run: (w, a) => coveragePlan(w.db, a, w.team.id, w.event.id),
    },
    {
      name: "teamReview",
      action: "note.readTeam",
      expected: MEMBERS,
      run: (w, a) => teamReview(w.db, a, w.team.id, w.event.id),
    },
    {
      name: "buildMergedWriteup",
      action: "note.readTeam",
      expected: MEMBERS,
      run: (w, a) => buildMergedWriteup(w.db, a, w.team.id, w.event.id),
    },
  ];

  describe("role matrix", () => {
    for (const op of operations) {
      for (const role of ["owner", "editor", "viewer", "stranger"] as const) {
        const expected = op.expected[role];
        it(`${op.name} as ${role} → ${expected}`, async () => {
          expect(outcomeFromPolicy(role, op.action)).toBe(expected);
          const w = await setup();
          // Something to undo, so un-claiming and un-marking have a row a refusal must leave alone.
          await w.db.claim.create({ data: { teamId: w.team.id, talkId: w.talks.a1.id, userId: w.users[role].id } });
          await w.db.talkReview.create({ data: { teamId: w.team.id, talkId: w.talks.a1.id } });
          if (expected === "ok") return void (await op.run(w, w.users[role].id));
          const before = await snapshot(w.db, w.team.id);
          await expect(op.run(w, w.users[role].id)).rejects.toMatchObject({ code: expected });
          expect(await snapshot(w.db, w.team.id)).toEqual(before);
        });
      }
    }

    it("claiming a talk that does not exist is NOT_FOUND and changes nothing", async () => {
      const w = await setup();
      const before = await snapshot(w.db, w.team.id);
      await expect(claimTalk(w.db, w.users.editor.id, w.team.id, "no-such-talk")).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "talk_not_found",
      });
      await expect(markReviewed(w.db, w.users.editor.id, w.team.id, "no-such-talk")).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await snapshot(w.db, w.team.id)).toEqual(before);
    });
  });

  it("coveragePlan lists claimers per talk, slots nobody covers and talks covered twice", async () => {
    const w = await setup();
    const { owner, editor } = w.users;
    await claimTalk(w.db, owner.id, w.team.id, w.talks.keynote.id);
    await claimTalk(w.db, owner.id, w.team.id, w.talks.a1.id);
    await claimTalk(w.db, editor.id, w.team.id, w.talks.a1.id);
    await claimTalk(w.db, editor.id, w.team.id, w.talks.a1.id); // idempotent
    await claimTalk(w.db, w.rex.id, w.rival.id, w.talks.a2.id); // another team's claim covers nothing for this one
    await claimTalk(w.db, editor.id, w.team.id, w.talks.closing.id);
    await unclaimTalk(w.db, editor.id, w.team.id, w.talks.closing.id);

    const plan = await coveragePlan(w.db, w.users.viewer.id, w.team.id, w.event.id);
    expect(plan.slots.map((s) => [s.day, s.talks.map((t) => t.title)])).toEqual([
      ["2024-05-16", ["Keynote"]],
      ["2024-05-16", ["Lambda", "DynamoDB"]],
      ["2024-05-16", ["S3", "EKS"]],
      ["2024-05-17", ["Closing"]],
    ]);
    expect(plan.slots[1].talks[0].claimers.map((c) => c.name)).toEqual(["Olga", "Eve"]);
    expect(plan.uncoveredSlots.map((s) => s.talkIds)).toEqual([[w.talks.a2.id, w.talks.b2.id], [w.talks.closing.id]]);
    expect(plan.doubleCovered.map((t) => t.title)).toEqual(["Lambda"]);
  });

  it("teamReview shows each member's shared notes side by side per day, slot and talk, with threads and the reviewed flag", async () => {
    const w = await setup();
    const { owner, editor, viewer } = w.users;
    const olgaA1 = await sharedNote(w, owner.id, w.talks.a1.id, "Olga on Lambda", [w.team.id]);
    await sharedNote(w, editor.id, w.talks.a1.id, "Eve on Lambda", [w.team.id]);
    await sharedNote(w, editor.id, w.talks.keynote.id, "Eve on the keynote", [w.team.id]);
    await sharedNote(w, viewer.id, w.talks.a1.id, "Vic keeps this private", null);
    await sharedNote(w, w.rex.id, w.talks.a1.id, "Rex for the rivals", [w.rival.id]);
    await sharedNote(w, owner.id, null, "Olga on the whole event", [w.team.id]);
    const question = await addComment(w.db, viewer.id, olgaA1.id, "Which runtime?");
    await addComment(w.db, owner.id, olgaA1.id, "Node 20", question.id);
    await markReviewed(w.db, editor.id, w.team.id, w.talks.a1.id);

    const review = await teamReview(w.db, viewer.id, w.team.id, w.event.id);
    expect(review.days.map((d) => d.date)).toEqual(["2024-05-16"]);
    const [keynoteSlot, firstSlot] = review.days[0].slots;
    expect(keynoteSlot.talks.map((t) => [t.title, t.isReviewed, t.notes.map((n) => n.author.name)])).toEqual([
      ["Keynote", false, ["Eve"]],
    ]);
    const lambda = firstSlot.talks[0];
    expect([lambda.title, lambda.track?.name, lambda.isReviewed]).toEqual(["Lambda", "Track A", true]);
    expect(lambda.notes.map((n) => [n.author.name, n.body])).toEqual([
      ["Eve", "Eve on Lambda"],
      ["Olga", "Olga on Lambda"],
    ]);
    const thread = lambda.notes[1].comments;
    expect(thread.map((c) => [c.author.name, c.body, c.replies.map((r) => r.body)])).toEqual([
      ["Vic", "Which runtime?", ["Node 20"]],
    ]);
    expect(review.eventNotes.map((n) => n.body)).toEqual(["Olga on the whole event"]);

    await unmarkReviewed(w.db, owner.id, w.team.id, w.talks.a1.id);
    expect((await teamReview(w.db, viewer.id, w.team.id, w.event.id)).days[0].slots[1].talks[0].isReviewed).toBe(false);
  });

  it("buildMergedWriteup composes the team's notes in time order with a heading per author", async () => {
    const w = await setup();
    const { owner, editor } = w.users;
    await sharedNote(w, owner.id, w.talks.a1.id, "Olga on Lambda", [w.team.id]);
    await sharedNote(w, editor.id, w.talks.a1.id, "Eve on Lambda", [w.team.id]);
    await sharedNote(w, editor.id, w.talks.keynote.id, "Eve on the keynote", [w.team.id]);
    await sharedNote(w, owner.id, null, "Olga on the whole event", [w.team.id]);
    await sharedNote(w, w.rex.id, w.talks.a1.id, "Rex for the rivals", [w.rival.id]);

    const all = await buildMergedWriteup(w.db, owner.id, w.team.id, w.event.id);
    expect(all).toBe(
      [
        "# Summit — Crew",
        "## Keynote",
        "_2024-05-16 · 09:00–10:00_",
        "#### Eve",
        "Eve on the keynote",
        "## Lambda",
        "_2024-05-16 · 10:00–10:40 · Track A_",
        "#### Eve",
        "Eve on Lambda",
        "#### Olga",
        "Olga on Lambda",
        "## Event notes",
        "#### Olga",
        "Olga on the whole event",
      ].join("\n\n") + "\n",
    );
    const one = await buildMergedWriteup(w.db, owner.id, w.team.id, w.event.id, w.talks.a1.id);
    expect(one).toBe(
      "# Lambda\n\n_2024-05-16 · 10:00–10:40 · Track A_\n\n#### Eve\n\nEve on Lambda\n\n#### Olga\n\nOlga on Lambda\n",
    );
    expect(await buildMergedWriteup(w.db, owner.id, w.team.id, w.event.id, w.talks.b1.id)).toBe(
      "# DynamoDB\n\n_2024-05-16 · 10:00–10:40 · Track B_\n",
    );
    const otherEvent = await w.db.event.create({
      data: {
        name: "Other",
        slug: `other-${uniqueSuffix()}`,
        startDate: new Date("2024-06-01"),
        endDate: new Date("2024-06-02"),
      },
    });
    await expect(buildMergedWriteup(w.db, owner.id, w.team.id, otherEvent.id, w.talks.a1.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "talk_not_found",
    });
  });

  it("a note switched back to PRIVATE disappears from the review and the merged write-up", async () => {
    const w = await setup();
    const { owner, editor, viewer } = w.users;
    await sharedNote(w, owner.id, w.talks.a1.id, "Olga on Lambda", [w.team.id]);
    const eveNote = await sharedNote(w, editor.id, w.talks.a1.id, "Eve on Lambda", [w.team.id]);
    const authorsInReview = async () =>
      (await teamReview(w.db, viewer.id, w.team.id, w.event.id)).days.flatMap((d) =>
        d.slots.flatMap((s) => s.talks.flatMap((t) => t.notes.map((n) => n.author.name))),
      );
    expect(await authorsInReview()).toEqual(["Eve", "Olga"]);

    await setNoteVisibility(w.db, editor.id, eveNote.id, { visibility: "PRIVATE" });
    expect(await authorsInReview()).toEqual(["Olga"]);
    for (const talkId of [undefined, w.talks.a1.id]) {
      const merged = await buildMergedWriteup(w.db, viewer.id, w.team.id, w.event.id, talkId);
      expect(merged).toContain("Olga on Lambda");
      expect(merged).not.toContain("Eve on Lambda");
    }
    // PUBLIC is not TEAM either: team pages list TEAM notes only.
    await setNoteVisibility(w.db, editor.id, eveNote.id, { visibility: "PUBLIC" });
    expect(await authorsInReview()).toEqual(["Olga"]);
  });

  it("saveWriteup keeps one write-up per team, event and talk; getWriteup reads it back", async () => {
    const w = await setup();
    const { editor, owner, viewer } = w.users;
    expect(await getWriteup(w.db, viewer.id, w.team.id, w.event.id, null)).toBeNull();
    await saveWriteup(w.db, editor.id, w.team.id, w.event.id, null, "draft");
    await saveWriteup(w.db, owner.id, w.team.id, w.event.id, null, "final");
    await saveWriteup(w.db, owner.id, w.team.id, w.event.id, w.talks.a1.id, "lambda final");
    expect(await w.db.writeup.count({ where: { teamId: w.team.id } })).toBe(2);
    expect((await getWriteup(w.db, viewer.id, w.team.id, w.event.id, null))?.body).toBe("final");
    expect((await getWriteup(w.db, viewer.id, w.team.id, w.event.id, w.talks.a1.id))?.body).toBe("lambda final");

    const before = await snapshot(w.db, w.team.id);
    await expect(
      saveWriteup(w.db, editor.id, w.team.id, w.event.id, null, "x".repeat(MAX_WRITEUP_BYTES + 1)),
    ).rejects.toMatchObject({ code: "INVALID", message: "writeup_too_large" });
    await expect(saveWriteup(w.db, editor.id, w.team.id, "no-such-event", null, "x")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "event_not_found",
    });
    await expect(saveWriteup(w.db, w.rex.id, w.team.id, w.event.id, null, "hijack")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot(w.db, w.team.id)).toEqual(before);
  });
});
