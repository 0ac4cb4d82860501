import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { can, type Action } from "../authz/policy";
import type { Db } from "../db-client";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import {
  acceptInvite,
  changeRole,
  createInvite,
  createTeam,
  deleteTeam,
  getTeamForMember,
  INVITE_TTL_MS,
  leaveTeam,
  listMyTeams,
  removeMember,
  renameTeam,
  teamSlugBase,
} from "./teams";

type MatrixRole = "owner" | "editor" | "viewer" | "stranger";
type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND";
const OWNER_ONLY: Record<MatrixRole, Outcome> = {
  owner: "ok",
  editor: "FORBIDDEN",
  viewer: "FORBIDDEN",
  stranger: "NOT_FOUND",
};

/** What the policy table says should happen: the data layer must agree with it and with the hand-written row. */
const outcomeFromPolicy = (role: MatrixRole, action: Action): Outcome =>
  can(role, action) ? "ok" : can(role, "team.read") ? "FORBIDDEN" : "NOT_FOUND";

describe("teamSlugBase", () => {
  it("makes URL-safe slugs and falls back for names without Latin letters", () => {
    expect(teamSlugBase("  AWS Summit — Seoul Crew! ")).toBe("aws-summit-seoul-crew");
    expect(teamSlugBase("서울 팀")).toBe("team");
    expect(teamSlugBase("Café")).toBe("cafe");
  });
});

describeEachDatabase("teams", (getDb) => {
  async function setup() {
    const db = getDb();
    const s = uniqueSuffix();
    const user = (name: string) => db.user.create({ data: { email: `${name.toLowerCase()}-${s}@example.test`, name } });
    const [owner, editor, viewer, stranger, extra] = await Promise.all(["Olga", "Eve", "Vic", "Sam", "Xia"].map(user));
    const team = await createTeam(db, owner.id, `Crew ${s}`);
    await db.membership.createMany({
      data: [
        { teamId: team.id, userId: editor.id, role: "EDITOR" },
        { teamId: team.id, userId: viewer.id, role: "VIEWER" },
        { teamId: team.id, userId: extra.id, role: "VIEWER" },
      ],
    });
    return { db, team, users: { owner, editor, viewer, stranger }, extra };
  }
  type World = Awaited<ReturnType<typeof setup>>;

  /** Everything a team operation could touch, to prove a refusal changed nothing. */
  async function snapshot(db: Db, teamId: string) {
    const [team, members, invites, shares, claims] = await Promise.all([
      db.team.findUnique({ where: { id: teamId }, select: { name: true, slug: true, updatedAt: true } }),
      db.membership.findMany({ where: { teamId }, orderBy: { userId: "asc" }, select: { userId: true, role: true } }),
      db.teamInvite.findMany({
        where: { teamId },
        orderBy: { id: "asc" },
        select: { id: true, role: true, usedAt: true, expiresAt: true },
      }),
      db.noteShare.findMany({ where: { teamId }, orderBy: { noteId: "asc" } }),
      db.claim.findMany({ where: { teamId }, orderBy: { id: "asc" }, select: { id: true } }),
    ]);
    return { team, members, invites, shares, claims };
  }

  type Operation = {
    name: string;
    action: Action;
    expected: Record<MatrixRole, Outcome>;
    prepare?: (w: World) => Promise<unknown>;
    run: (w: World, actorId: string) => Promise<unknown>;
  };
  const operations: Operation[] = [
    {
      name: "renameTeam",
      action: "team.rename",
      expected: OWNER_ONLY,
      run: (w, actor) => renameTeam(w.db, actor, w.team.id, "Renamed"),
    },
    {
      name: "deleteTeam",
      action: "team.delete",
      expected: OWNER_ONLY,
      run: (w, actor) => deleteTeam(w.db, actor, w.team.id),
    },
    {
      name: "createInvite",
      action: "team.invite",
      expected: OWNER_ONLY,
      run: (w, actor) => createInvite(w.db, actor, w.team.id, "VIEWER"),
    },
    {
      name: "changeRole",
      action: "team.changeRole",
      expected: OWNER_ONLY,
      run: (w, actor) => changeRole(w.db, actor, w.team.id, w.extra.id, "EDITOR"),
    },
    {
      name: "removeMember",
      action: "team.removeMember",
      expected: OWNER_ONLY,
      run: (w, actor) => removeMember(w.db, actor, w.team.id, w.extra.id),
    },
    {
      name: "leaveTeam (not the last owner)",
      action: "team.leave",
      expected: { owner: "ok", editor: "ok", viewer: "ok", stranger: "NOT_FOUND" },
      prepare: (w) =>
        w.db.membership.update({
          where: { teamId_userId: { teamId: w.team.id, userId: w.extra.id } },
          data: { role: "OWNER" },
        }),
      run: (w, actor) => leaveTeam(w.db, actor, w.team.id),
    },
  ];

  describe("role matrix", () => {
    for (const op of operations) {
      for (const role of ["owner", "editor", "viewer", "stranger"] as const) {
        const expected = op.expected[role];
        it(`${op.name} as ${role} → ${expected}`, async () => {
          expect(outcomeFromPolicy(role, op.action)).toBe(expected);
          const w = await setup();
          await op.prepare?.(w);
          const actor = w.users[role].id;
          if (expected === "ok") return void (await op.run(w, actor));
          const before = await snapshot(w.db, w.team.id);
          await expect(op.run(w, actor)).rejects.toMatchObject({ code: expected });
          expect(await snapshot(w.db, w.team.id)).toEqual(before);
        });
      }
    }

    it("shows a team and its members only to members", async () => {
      const w = await setup();
      const seen = await getTeamForMember(w.db, w.users.viewer.id, w.team.id);
      expect(seen?.myRole).toBe("VIEWER");
      expect(seen?.members.map((m) => m.role)).toEqual(["OWNER", "EDITOR", "VIEWER", "VIEWER"]);
      expect(seen?.members[0]).toMatchObject({ userId: w.users.owner.id, name: "Olga" });
      expect(await getTeamForMember(w.db, w.users.stranger.id, w.team.id)).toBeNull();
      expect((await listMyTeams(w.db, w.users.editor.id)).find((t) => t.id === w.team.id)).toMatchObject({
        myRole: "EDITOR",
        memberCount: 4,
      });
      expect(await listMyTeams(w.db, w.users.stranger.id)).toEqual([]);
    });
  });

  describe("creating and deleting", () => {
    it("makes the creator OWNER, derives a unique slug and refuses a blank name", async () => {
      const db = getDb();
      const s = uniqueSuffix();
      const ana = await db.user.create({ data: { email: `ana-${s}@example.test`, name: "Ana" } });
      const first = await createTeam(db, ana.id, `Night Owls ${s}`);
      const second = await createTeam(db, ana.id, `Night Owls ${s}`);
      expect(first.slug).toBe(`night-owls-${s}`);
      expect(second.slug).toMatch(new RegExp(`^night-owls-${s}-[0-9a-f]{8}$`));
      expect(
        await db.membership.findMany({ where: { teamId: first.id }, select: { userId: true, role: true } }),
      ).toEqual([{ userId: ana.id, role: "OWNER" }]);
      await expect(createTeam(db, ana.id, "   ")).rejects.toMatchObject({ code: "INVALID", message: "name_required" });
      expect(await db.membership.count({ where: { userId: ana.id } })).toBe(2);
    });

    it("deleting a team makes notes shared only with it private again", async () => {
      const w = await setup();
      const other = await createTeam(w.db, w.users.editor.id, "Other");
      const event = await w.db.event.create({
        data: {
          name: "E",
          slug: `e-${uniqueSuffix()}`,
          startDate: new Date("2024-01-01"),
          endDate: new Date("2024-01-02"),
        },
      });
      const onlyHere = await w.db.note.create({
        data: {
          authorId: w.users.editor.id,
          eventId: event.id,
          visibility: "TEAM",
          shares: { create: [{ teamId: w.team.id }] },
        },
      });
      const alsoElsewhere = await w.db.note.create({
        data: {
          authorId: w.users.editor.id,
          eventId: event.id,
          visibility: "TEAM",
          shares: { create: [{ teamId: w.team.id }, { teamId: other.id }] },
        },
      });
      await deleteTeam(w.db, w.users.owner.id, w.team.id);
      expect(await w.db.team.findUnique({ where: { id: w.team.id } })).toBeNull();
      expect((await w.db.note.findUniqueOrThrow({ where: { id: onlyHere.id } })).visibility).toBe("PRIVATE");
      expect((await w.db.note.findUniqueOrThrow({ where: { id: alsoElsewhere.id } })).visibility).toBe("TEAM");
    });
  });

  describe("invites", () => {
    it("hands out a single-use token valid for 7 days and stores only its hash", async () => {
      const w = await setup();
      const invite = await createInvite(w.db, w.users.owner.id, w.team.id, "EDITOR");
      const stored = await w.db.teamInvite.findUniqueOrThrow({ where: { id: invite.inviteId } });
      expect(stored.tokenHash).toBe(createHash("sha256").update(invite.token).digest("hex"));
      expect(JSON.stringify(stored)).not.toContain(invite.token);
      expect(Math.abs(stored.expiresAt.getTime() - (Date.now() + INVITE_TTL_MS))).toBeLessThan(60_000);

      const joined = await acceptInvite(w.db, w.users.stranger.id, invite.token);
      expect(joined).toMatchObject({ role: "EDITOR", wasMember: false, team: { id: w.team.id } });
      const before = await snapshot(w.db, w.team.id);
      const late = await w.db.user.create({ data: { email: `late-${uniqueSuffix()}@example.test`, name: "Late" } });
      await expect(acceptInvite(w.db, late.id, invite.token)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "invite_used",
      });
      expect(await snapshot(w.db, w.team.id)).toEqual(before);
    });

    it("refuses an expired invite, an unknown token and a deleted team's invite, changing nothing", async () => {
      const w = await setup();
      const expired = await createInvite(w.db, w.users.owner.id, w.team.id, "VIEWER");
      await w.db.teamInvite.update({
        where: { id: expired.inviteId },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const before = await snapshot(w.db, w.team.id);
      await expect(acceptInvite(w.db, w.users.stranger.id, expired.token)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "invite_expired",
      });
      await expect(acceptInvite(w.db, w.users.stranger.id, "A".repeat(43))).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "invite_not_found",
      });
      await expect(acceptInvite(w.db, w.users.stranger.id, "not a token")).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "invite_not_found",
      });
      expect(await snapshot(w.db, w.team.id)).toEqual(before);

      const orphan = await createInvite(w.db, w.users.owner.id, w.team.id, "VIEWER");
      await deleteTeam(w.db, w.users.owner.id, w.team.id);
      await expect(acceptInvite(w.db, w.users.stranger.id, orphan.token)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "invite_not_found",
      });
      expect(await w.db.membership.count({ where: { userId: w.users.stranger.id } })).toBe(0);
    });

    it("keeps the higher role when a member accepts, and marks the invite used", async () => {
      const w = await setup();
      const asViewer = await createInvite(w.db, w.users.owner.id, w.team.id, "VIEWER");
      expect(await acceptInvite(w.db, w.users.editor.id, asViewer.token)).toMatchObject({
        role: "EDITOR",
        wasMember: true,
      });
      expect((await w.db.teamInvite.findUniqueOrThrow({ where: { id: asViewer.inviteId } })).usedAt).not.toBeNull();
      const asEditor = await createInvite(w.db, w.users.owner.id, w.team.id, "EDITOR");
      expect(await acceptInvite(w.db, w.users.viewer.id, asEditor.token)).toMatchObject({ role: "EDITOR" });
      const roles = await w.db.membership.findMany({
        where: { teamId: w.team.id, userId: { in: [w.users.editor.id, w.users.viewer.id] } },
        select: { role: true },
      });
      expect(roles.map((r) => r.role)).toEqual(["EDITOR", "EDITOR"]);
    });
  });

  describe("owners and roles", () => {
    it("never leaves a team without an owner", async () => {
      const w = await setup();
      const { owner } = w.users;
      const before = await snapshot(w.db, w.team.id);
      await expect(leaveTeam(w.db, owner.id, w.team.id)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "last_owner",
      });
      await expect(changeRole(w.db, owner.id, w.team.id, owner.id, "EDITOR")).rejects.toMatchObject({
        code: "CONFLICT",
        message: "last_owner",
      });
      await expect(removeMember(w.db, owner.id, w.team.id, owner.id)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "last_owner",
      });
      expect(await snapshot(w.db, w.team.id)).toEqual(before);

      await changeRole(w.db, owner.id, w.team.id, w.users.editor.id, "OWNER");
      await changeRole(w.db, owner.id, w.team.id, owner.id, "VIEWER");
      await expect(leaveTeam(w.db, w.users.editor.id, w.team.id)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "last_owner",
      });
      await leaveTeam(w.db, owner.id, w.team.id);
      expect(
        await w.db.membership.findMany({ where: { teamId: w.team.id, role: "OWNER" }, select: { userId: true } }),
      ).toEqual([{ userId: w.users.editor.id }]);
    });

    it("refuses role escalation by editors and viewers, changing nothing", async () => {
      const w = await setup();
      const before = await snapshot(w.db, w.team.id);
      await expect(changeRole(w.db, w.users.editor.id, w.team.id, w.users.editor.id, "OWNER")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(changeRole(w.db, w.users.viewer.id, w.team.id, w.users.viewer.id, "EDITOR")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(changeRole(w.db, w.users.editor.id, w.team.id, w.users.owner.id, "VIEWER")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(createInvite(w.db, w.users.editor.id, w.team.id, "OWNER")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(changeRole(w.db, w.users.owner.id, w.team.id, w.users.stranger.id, "EDITOR")).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "member_not_found",
      });
      await expect(
        changeRole(w.db, w.users.owner.id, w.team.id, w.users.viewer.id, "ADMIN" as never),
      ).rejects.toMatchObject({ code: "INVALID" });
      expect(await snapshot(w.db, w.team.id)).toEqual(before);
    });

    it("a member leaving takes their notes and claims out of the team", async () => {
      const w = await setup();
      const event = await w.db.event.create({
        data: {
          name: "E",
          slug: `e-${uniqueSuffix()}`,
          startDate: new Date("2024-01-01"),
          endDate: new Date("2024-01-02"),
        },
      });
      const talk = await w.db.talk.create({
        data: {
          eventId: event.id,
          title: "T",
          startsAt: new Date("2024-01-01T01:00Z"),
          endsAt: new Date("2024-01-01T02:00Z"),
        },
      });
      const note = await w.db.note.create({
        data: {
          authorId: w.users.editor.id,
          eventId: event.id,
          talkId: talk.id,
          visibility: "TEAM",
          shares: { create: { teamId: w.team.id } },
        },
      });
      await w.db.claim.create({ data: { teamId: w.team.id, talkId: talk.id, userId: w.users.editor.id } });
      await leaveTeam(w.db, w.users.editor.id, w.team.id);
      expect(await w.db.noteShare.count({ where: { noteId: note.id } })).toBe(0);
      expect((await w.db.note.findUniqueOrThrow({ where: { id: note.id } })).visibility).toBe("PRIVATE");
      expect(await w.db.claim.count({ where: { teamId: w.team.id } })).toBe(0);
      expect(await getTeamForMember(w.db, w.users.editor.id, w.team.id)).toBeNull();
    });
  });
});
