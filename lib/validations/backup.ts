// The backup file's shape: one strict schema per table (unknown columns refused, dates read back as
// Dates), in insertion order. Pure data: lib/data/backup.ts reads and writes the database with it.
import { z } from "zod";

export const BACKUP_FORMAT = "summit-notes-backup";
export const BACKUP_VERSION = 1;

const id = z.string().min(1).max(64);
const text = z.string().max(2_000_000);
const short = z.string().max(1000);
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const role = z.enum(["ADMIN", "MEMBER"]);
const teamRole = z.enum(["OWNER", "EDITOR", "VIEWER"]);

// One strict schema per table: unknown columns are refused, dates come back as Dates.
export const TABLES = {
  users: z.strictObject({
    id,
    email: short,
    name: short,
    passwordHash: short.nullable(),
    role,
    locale: short.nullable(),
    disabledAt: date.nullable(),
    sessionEpoch: z.number().int(),
    icsToken: short.nullable(),
    createdAt: date,
    updatedAt: date,
  }),
  accounts: z.strictObject({ id, userId: id, provider: short, providerAccountId: short }),
  teams: z.strictObject({ id, name: short, slug: short, createdAt: date, updatedAt: date }),
  memberships: z.strictObject({ id, teamId: id, userId: id, role: teamRole, createdAt: date }),
  teamInvites: z.strictObject({
    id,
    teamId: id,
    tokenHash: short,
    role: teamRole,
    createdById: id,
    expiresAt: date,
    usedAt: date.nullable(),
    createdAt: date,
  }),
  events: z.strictObject({
    id,
    name: short,
    series: short.nullable(),
    slug: short,
    startDate: date,
    endDate: date,
    timeZone: short,
    venue: short.nullable(),
    createdAt: date,
    updatedAt: date,
  }),
  days: z.strictObject({ id, eventId: id, date: short, label: short.nullable() }),
  tracks: z.strictObject({
    id,
    eventId: id,
    name: short,
    colour: short,
    room: short.nullable(),
    position: z.number().int(),
  }),
  timeSlots: z.strictObject({ id, eventId: id, dayId: id, startsAt: date, endsAt: date }),
  talks: z.strictObject({
    id,
    eventId: id,
    trackId: id.nullable(),
    slotId: id.nullable(),
    title: short,
    abstract: text,
    level: z.enum(["INTRO", "INTERMEDIATE", "ADVANCED", "EXPERT"]).nullable(),
    startsAt: date,
    endsAt: date,
    timeUnknown: z.boolean().optional(),
    externalGuid: short.nullable(),
    externalSlug: short.nullable().optional(),
    createdAt: date,
    updatedAt: date,
  }),
  speakers: z.strictObject({ id, eventId: id, name: short, organisation: short.nullable(), bio: text }),
  talkSpeakers: z.strictObject({ talkId: id, speakerId: id, position: z.number().int() }),
  services: z.strictObject({ id, slug: short, name: short, shortName: short, category: short, icon: short.nullable() }),
  serviceAliases: z.strictObject({ id, serviceId: id, alias: short, locale: short.nullable() }),
  notes: z.strictObject({
    id,
    authorId: id,
    eventId: id,
    talkId: id.nullable(),
    body: text,
    visibility: z.enum(["PRIVATE", "TEAM", "PUBLIC"]),
    publicToken: short.nullable(),
    version: z.number().int(),
    createdAt: date,
    updatedAt: date,
  }),
  noteShares: z.strictObject({ noteId: id, teamId: id }),
  noteRevisions: z.strictObject({
    id,
    noteId: id,
    authorId: id,
    version: z.number().int(),
    body: text,
    clientOpId: short.nullable(),
    createdAt: date,
  }),
  comments: z.strictObject({
    id,
    noteId: id,
    authorId: id,
    parentId: id.nullable(),
    body: text,
    createdAt: date,
    updatedAt: date,
  }),
  noteTags: z.strictObject({
    id,
    noteId: id,
    serviceId: id.nullable(),
    topic: short.nullable(),
    source: z.enum(["CHOSEN", "SUGGESTED"]),
    createdAt: date,
  }),
  stars: z.strictObject({ userId: id, talkId: id, createdAt: date }),
  claims: z.strictObject({ id, teamId: id, talkId: id, userId: id, createdAt: date }),
  talkReviews: z.strictObject({ teamId: id, talkId: id, reviewedAt: date }),
  writeups: z.strictObject({
    id,
    teamId: id,
    eventId: id,
    talkId: id.nullable(),
    body: text,
    createdAt: date,
    updatedAt: date,
  }),
} as const;

export type BackupTable = keyof typeof TABLES;
/** Insertion order: every row's references come earlier. */
export const TABLE_ORDER = Object.keys(TABLES) as BackupTable[];

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  scope: z.enum(["instance", "user"]),
  exportedAt: z.string(),
  /** user scope: whose data it is (email). */
  user: z.string().optional(),
  tables: z.strictObject(
    Object.fromEntries(TABLE_ORDER.map((t) => [t, z.array(TABLES[t]).max(5_000_000)])) as {
      [K in BackupTable]: z.ZodArray<(typeof TABLES)[K]>;
    },
  ),
});
export type Backup = z.input<typeof backupSchema>;
export type ParsedBackup = z.output<typeof backupSchema>;
export type Rows = { [K in BackupTable]: z.output<(typeof TABLES)[K]>[] };
