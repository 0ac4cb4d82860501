// Backup and restore as versioned JSON. No "server-only": the CLIs (scripts/backup-*.ts) use it too.
//
// Two scopes:
// - "instance" (admins, `npm run backup:export -- --all`): every row of every table, password hashes
//   included (the file is as sensitive as the database). Left out: sign-in attempts (throttling
//   counters) and the search index tables (rebuilt by triggers when notes and talks are inserted).
// - "user" (anyone, for themselves): their account (without the password hash), their notes with
//   revisions and service tags, their stars, and what those point at — the events' whole agendas
//   (days, tracks, slots, talks, speakers) and the tagged services with their aliases. Left out:
//   teams and everything shared (memberships, invites, shares, comments, claims, reviews, team
//   write-ups), as those belong to other people too. Note visibility is kept as it was.
//
// Restore goes into an EMPTY instance (no users, events, teams or notes; the AWS service catalog may
// be there already — services are then matched by slug) in one transaction: any problem, nothing written.
import type { Db, Tx } from "../db-client";
import { AppError } from "../errors";
import { parseJsonSafely } from "../security/safe-object";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupSchema,
  TABLE_ORDER,
  type Backup,
  type BackupTable,
  type ParsedBackup,
  type Rows,
} from "../validations/backup";

// Prisma delegate and primary-key order per table.
const SOURCES: { [K in BackupTable]: { model: string; orderBy: Record<string, "asc">[] } } = {
  users: { model: "user", orderBy: [{ id: "asc" }] },
  accounts: { model: "account", orderBy: [{ id: "asc" }] },
  teams: { model: "team", orderBy: [{ id: "asc" }] },
  memberships: { model: "membership", orderBy: [{ id: "asc" }] },
  teamInvites: { model: "teamInvite", orderBy: [{ id: "asc" }] },
  events: { model: "event", orderBy: [{ id: "asc" }] },
  days: { model: "day", orderBy: [{ id: "asc" }] },
  tracks: { model: "track", orderBy: [{ id: "asc" }] },
  timeSlots: { model: "timeSlot", orderBy: [{ id: "asc" }] },
  talks: { model: "talk", orderBy: [{ id: "asc" }] },
  speakers: { model: "speaker", orderBy: [{ id: "asc" }] },
  talkSpeakers: { model: "talkSpeaker", orderBy: [{ talkId: "asc" }, { speakerId: "asc" }] },
  services: { model: "service", orderBy: [{ id: "asc" }] },
  serviceAliases: { model: "serviceAlias", orderBy: [{ id: "asc" }] },
  notes: { model: "note", orderBy: [{ id: "asc" }] },
  noteShares: { model: "noteShare", orderBy: [{ noteId: "asc" }, { teamId: "asc" }] },
  noteRevisions: { model: "noteRevision", orderBy: [{ id: "asc" }] },
  comments: { model: "comment", orderBy: [{ id: "asc" }] },
  noteTags: { model: "noteTag", orderBy: [{ id: "asc" }] },
  stars: { model: "star", orderBy: [{ userId: "asc" }, { talkId: "asc" }] },
  claims: { model: "claim", orderBy: [{ id: "asc" }] },
  talkReviews: { model: "talkReview", orderBy: [{ teamId: "asc" }, { talkId: "asc" }] },
  writeups: { model: "writeup", orderBy: [{ id: "asc" }] },
};

type Delegate = {
  findMany(args: { where?: unknown; orderBy?: unknown }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  count(args?: { where?: unknown }): Promise<number>;
};
const delegate = (db: Db | Tx, table: BackupTable) => (db as unknown as Record<string, Delegate>)[SOURCES[table].model];

const envelope = (
  scope: "instance" | "user",
  tables: Record<BackupTable, Record<string, unknown>[]>,
  user?: string,
): Backup =>
  // Dates become ISO strings exactly as in the file a user downloads.
  JSON.parse(
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      scope,
      exportedAt: new Date().toISOString(),
      ...(user ? { user } : {}),
      tables,
    }),
  );

/** Everything (admins only: the caller checks; the CLI runs with database access anyway). */
export async function exportInstance(db: Db): Promise<Backup> {
  return db.$transaction(
    async (tx) => {
      const tables = {} as Record<BackupTable, Record<string, unknown>[]>;
      for (const table of TABLE_ORDER)
        tables[table] = await delegate(tx, table).findMany({ orderBy: SOURCES[table].orderBy });
      return envelope("instance", tables);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** One user's own data and what it points at (see the top of this file). */
export async function exportUser(db: Db, userId: string): Promise<Backup> {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) throw new AppError("NOT_FOUND", "user_not_found");
      const notes = await tx.note.findMany({ where: { authorId: userId }, orderBy: { id: "asc" } });
      const noteIds = notes.map((n) => n.id);
      const stars = await tx.star.findMany({ where: { userId }, orderBy: [{ userId: "asc" }, { talkId: "asc" }] });
      const starredEvents = await tx.talk.findMany({
        where: { id: { in: stars.map((s) => s.talkId) } },
        select: { eventId: true },
      });
      const eventIds = [...new Set([...notes.map((n) => n.eventId), ...starredEvents.map((t) => t.eventId)])];
      const inEvents = { where: { eventId: { in: eventIds } } };
      const talks = await tx.talk.findMany({ ...inEvents, orderBy: { id: "asc" } });
      const noteTags = await tx.noteTag.findMany({ where: { noteId: { in: noteIds } }, orderBy: { id: "asc" } });
      const serviceIds = [...new Set(noteTags.map((t) => t.serviceId).filter((s): s is string => !!s))];
      const tables: Record<BackupTable, Record<string, unknown>[]> = {
        users: [{ ...user, passwordHash: null }],
        accounts: [],
        teams: [],
        memberships: [],
        teamInvites: [],
        events: await tx.event.findMany({ where: { id: { in: eventIds } }, orderBy: { id: "asc" } }),
        days: await tx.day.findMany({ ...inEvents, orderBy: { id: "asc" } }),
        tracks: await tx.track.findMany({ ...inEvents, orderBy: { id: "asc" } }),
        timeSlots: await tx.timeSlot.findMany({ ...inEvents, orderBy: { id: "asc" } }),
        talks,
        speakers: await tx.speaker.findMany({ ...inEvents, orderBy: { id: "asc" } }),
        talkSpeakers: await tx.talkSpeaker.findMany({
          where: { talk: { eventId: { in: eventIds } } },
          orderBy: [{ talkId: "asc" }, { speakerId: "asc" }],
        }),
        services: await tx.service.findMany({ where: { id: { in: serviceIds } }, orderBy: { id: "asc" } }),
        serviceAliases: await tx.serviceAlias.findMany({
          where: { serviceId: { in: serviceIds } },
          orderBy: { id: "asc" },
        }),
        notes,
        noteShares: [],
        // Revisions of one's own notes are one's own (only the author saves a note).
        noteRevisions: await tx.noteRevision.findMany({
          where: { noteId: { in: noteIds }, authorId: userId },
          orderBy: { id: "asc" },
        }),
        comments: [],
        noteTags,
        stars,
        claims: [],
        talkReviews: [],
        writeups: [],
      };
      return envelope("user", tables, user.email);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** A backup file's text as JSON, read so that no __proto__/constructor/prototype key exists anywhere in it. */
export function readBackupJson(text: string): unknown {
  try {
    return parseJsonSafely(text);
  } catch {
    throw new AppError("INVALID", "The file is not JSON (or is nested too deeply). Nothing was restored.");
  }
}

/** Validates a backup file's JSON; a clear INVALID naming the first problem otherwise. */
export function parseBackup(raw: unknown): ParsedBackup {
  const parsed = backupSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.join(".");
  if (where === "format" || where === "" || where === "version")
    throw new AppError(
      "INVALID",
      `Not a Summit Notes backup of version ${BACKUP_VERSION} (${where || "root"}: ${issue.message}).`,
    );
  throw new AppError("INVALID", `The backup is not valid at ${where}: ${issue.message}. Nothing was restored.`);
}

/** Parents before replies, so each comment's parent exists when it is inserted. */
function commentsInOrder(rows: Rows["comments"]): Rows["comments"] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<string>();
  const out: Rows["comments"] = [];
  const visit = (row: Rows["comments"][number], depth: number) => {
    if (done.has(row.id)) return;
    if (depth > rows.length)
      throw new AppError("INVALID", "The backup's comments reply to each other in a circle. Nothing was restored.");
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(row.id);
    out.push(row);
  };
  for (const row of rows) visit(row, 0);
  return out;
}

export type RestoreSummary = {
  scope: "instance" | "user";
  counts: Record<BackupTable, number>;
  servicesMatched: number;
};

/** Restores into an empty instance in one transaction; refuses a non-empty target and clashing ids. */
export async function restoreBackup(db: Db, raw: unknown): Promise<RestoreSummary> {
  const backup = parseBackup(raw);
  const rows = backup.tables as Rows;
  for (const table of TABLE_ORDER) {
    const keys = (rows[table] as Record<string, unknown>[]).map((r) =>
      "id" in r ? String(r.id) : JSON.stringify(SOURCES[table].orderBy.map((o) => r[Object.keys(o)[0]])),
    );
    if (new Set(keys).size !== keys.length)
      throw new AppError("INVALID", `The backup lists a row of ${table} twice. Nothing was restored.`);
  }
  return db
    .$transaction(
      async (tx) => {
        const [users, events, teams, notes] = await Promise.all([
          tx.user.count(),
          tx.event.count(),
          tx.team.count(),
          tx.note.count(),
        ]);
        if (users + events + teams + notes > 0) {
          throw new AppError(
            "CONFLICT",
            `The target is not empty (${users} users, ${events} events, ${teams} teams, ${notes} notes). Restore into a freshly migrated database. Nothing was restored.`,
          );
        }
        // The AWS catalog may be seeded already: reuse services with the same slug, refuse an id used for another slug.
        const existing = await tx.service.findMany({ select: { id: true, slug: true } });
        const idBySlug = new Map(existing.map((s) => [s.slug, s.id]));
        const slugById = new Map(existing.map((s) => [s.id, s.slug]));
        const serviceId = new Map<string, string>();
        const newServices: Rows["services"] = [];
        for (const s of rows.services) {
          const taken = slugById.get(s.id);
          if (taken !== undefined && taken !== s.slug)
            throw new AppError(
              "CONFLICT",
              `Service id ${s.id} is "${taken}" here but "${s.slug}" in the backup. Nothing was restored.`,
            );
          const have = idBySlug.get(s.slug);
          if (have) serviceId.set(s.id, have);
          else newServices.push(s);
        }
        const plan: Rows = {
          ...rows,
          services: newServices,
          serviceAliases: rows.serviceAliases.filter((a) => !serviceId.has(a.serviceId)),
          noteTags: rows.noteTags.map((t) =>
            t.serviceId && serviceId.has(t.serviceId) ? { ...t, serviceId: serviceId.get(t.serviceId)! } : t,
          ),
          comments: commentsInOrder(rows.comments),
        };
        const counts = {} as Record<BackupTable, number>;
        for (const table of TABLE_ORDER) {
          const data = plan[table] as Record<string, unknown>[];
          counts[table] = data.length;
          for (let i = 0; i < data.length; i += 500)
            await delegate(tx, table).createMany({ data: data.slice(i, i + 500) });
        }
        return { scope: backup.scope, counts, servicesMatched: serviceId.size };
      },
      { timeout: 600_000, maxWait: 10_000 },
    )
    .catch((e: unknown) => {
      if (e instanceof AppError) throw e;
      const code = (e as { code?: string }).code;
      if (code === "P2002" || code === "P2003")
        throw new AppError(
          "CONFLICT",
          `The backup's rows clash with each other or point at missing rows (${code}). Nothing was restored.`,
        );
      throw e;
    });
}
