import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import type { ActorRole } from "../lib/authz/policy";
import { e2eDb } from "./db";
import { createParallelEvent } from "./fixtures";
import { STRONG_PASSWORD } from "./helpers";

type Db = ReturnType<typeof e2eDb>;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const token = (bytes: number) => randomBytes(bytes).toString("base64url");

/**
 * The world the permission matrix acts on (see lib/authz/access-table.ts): team T with an owner,
 * an editor and a viewer; a stranger; a site admin in no team; event E with talk K; the owner's
 * note N on K and event note NE, both shared with T; public notes; the editor's comment on N.
 */
export async function buildPermissionWorld() {
  const db = e2eDb();
  const s = randomBytes(3).toString("hex");
  const passwordHash = await hashPassword(STRONG_PASSWORD);
  const user = (name: string, role: "ADMIN" | "MEMBER" = "MEMBER") =>
    db.user.create({ data: { email: `${name}-${s}@matrix.test`, name: `${name} ${s}`, passwordHash, role } });
  const users = {
    owner: await user("owner"),
    editor: await user("editor"),
    viewer: await user("viewer"),
    stranger: await user("stranger"),
    admin: await user("admin", "ADMIN"),
  };
  const bystander = await user("bystander");
  const event = await createParallelEvent("Matrix");
  const team = await cloneTeam(db, users, `Matrix ${s}`);
  const K = event.talks.dynamo;
  const lambda = await db.service.findUniqueOrThrow({ where: { slug: "lambda" } });
  const N = await db.note.create({
    data: {
      authorId: users.owner.id,
      eventId: event.id,
      talkId: K.id,
      body: "owner's note on K",
      visibility: "TEAM",
      version: 2,
      shares: { create: { teamId: team.id } },
      tags: { create: { serviceId: lambda.id } },
    },
  });
  const revision = await db.noteRevision.create({
    data: { noteId: N.id, authorId: users.owner.id, version: 1, body: "first words" },
  });
  await db.noteRevision.create({ data: { noteId: N.id, authorId: users.owner.id, version: 2, body: N.body } });
  const NE = await db.note.create({
    data: {
      authorId: users.owner.id,
      eventId: event.id,
      body: "owner's event note",
      visibility: "TEAM",
      shares: { create: { teamId: team.id } },
    },
  });
  const publicToken = token(24);
  await db.note.create({
    data: {
      authorId: users.owner.id,
      eventId: event.id,
      talkId: event.talks.later.id,
      body: "public words",
      visibility: "PUBLIC",
      publicToken,
    },
  });
  const P2 = await db.note.create({
    data: {
      authorId: users.owner.id,
      eventId: event.id,
      body: "public, to be reissued",
      visibility: "PUBLIC",
      publicToken: token(24),
    },
  });
  const comment = await db.comment.create({
    data: { noteId: N.id, authorId: users.editor.id, body: "editor's comment" },
  });
  const icsToken = token(32);
  await db.user.update({ where: { id: bystander.id }, data: { icsToken: sha256(icsToken) } }); // not an actor: rotating feeds in the matrix cannot revoke it
  const inviteToken = await newInvite(db, team.id, users.owner.id);

  return {
    db,
    users,
    bystander,
    event,
    team,
    talk: K,
    note: N,
    eventNote: NE,
    revision,
    publicToken,
    publicNote2: P2,
    comment,
    icsToken,
    inviteToken,
    /** A fresh copy of T (same people, same roles), for actions that destroy or change membership. */
    cloneTeam: () => cloneTeam(db, users, `Clone ${token(4)}`),
    newInvite: (teamId: string) => newInvite(db, teamId, users.owner.id),
    newEditorComment: async () =>
      (await db.comment.create({ data: { noteId: N.id, authorId: users.editor.id, body: "to delete" } })).id,
    newTag: async () =>
      (
        await db.noteTag.create({
          data: {
            noteId: N.id,
            topic: `t${token(4)
              .toLowerCase()
              .replace(/[^a-z0-9]/g, "")}`,
          },
        })
      ).id,
  };
}

export type PermissionWorld = Awaited<ReturnType<typeof buildPermissionWorld>>;
export type WorldUsers = Record<Exclude<ActorRole, "anonymous">, { id: string; email: string }>;

async function cloneTeam(db: Db, users: WorldUsers, name: string) {
  return db.team.create({
    data: {
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${token(3)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")}`,
      memberships: {
        create: [
          { userId: users.owner.id, role: "OWNER" },
          { userId: users.editor.id, role: "EDITOR" },
          { userId: users.viewer.id, role: "VIEWER" },
        ],
      },
    },
  });
}

async function newInvite(db: Db, teamId: string, ownerId: string) {
  const t = token(32);
  await db.teamInvite.create({
    data: {
      teamId,
      tokenHash: sha256(t),
      role: "VIEWER",
      createdById: ownerId,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return t;
}
