// Write-up import, database side: parse (lib/writeup, in the worker) → plan against the stored
// events (lib/writeup/import-plan.ts, pure) → apply. The import page (/writeups/import via
// /api/writeups/import) and `npm run writeup:import` both call planWriteupImport / applyWriteupImport.
//
// Who may do what (DESIGN.md "Flows"; the permission table has the rows):
// - any signed-in user may import: a new event is created from the write-up, or the notes are
//   attached to an existing event (to its talks, or as event-level notes);
// - only an admin may add talks to an existing event's agenda ("new-talk" on a matched event);
// - imported events have no owner: like every event they are public agendas, edited by admins.
//   The importer owns the notes (PRIVATE, authored by them, service tags SUGGESTED).
// Writes: the event and its new talks in one transaction; then each note through saveNote, the one
// note save path (revisions, op ids): the op id is derived from the import (author, talk, text), so a
// retried import is acknowledged by saveNote instead of written twice.
import { createHash } from "node:crypto";
import { slugify } from "../agenda/build-plan";
import type { Db } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import { searchCatalog } from "../search/catalog";
import { formatIsoDate, formatTime, isValidTimeZone, zonedToUtc } from "../time/zoned";
import type { SectionTarget, WriteupApplyInput, WriteupPreviewOptions } from "../validations/writeups";
import {
  DEFAULT_WRITEUP_TIME_ZONE,
  defaultApplyInput as defaultApplyInputOrError,
  defaultTarget,
  importGuesses,
  isExportedPost,
  orderTimes,
  planImportSections,
  type EventRef,
  type ExistingTalk,
  type WriteupImportPreview,
  type WriteupImportSummary,
} from "../writeup/import-plan";
import { readWriteupText } from "../writeup/input";
import { mentionFinder, parseWriteupOffThread } from "../writeup/off-thread";
import { WriteupError } from "../writeup/parse";
import { sectionTagText } from "../writeup/plan-tags";
import { insertAgendaTalks } from "./agenda-rows";
import { saveNote } from "./notes";

export { DEFAULT_WRITEUP_TIME_ZONE, isExportedPost } from "../writeup/import-plan";
export type {
  EventRef,
  ExistingTalk,
  ImportSection,
  WriteupImportPreview,
  WriteupImportSummary,
} from "../writeup/import-plan";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type ImportActor = { id: string; role: "ADMIN" | "MEMBER" };

const APP_CODE = { TOO_LARGE: "TOO_LARGE", BUSY: "TOO_MANY" } as const;

/** WriteupError (bad input, too complex, busy) → the AppError every edge already knows how to show. */
export function toAppError(e: unknown): unknown {
  if (e instanceof WriteupError)
    return new AppError(
      e.code in APP_CODE ? APP_CODE[e.code as keyof typeof APP_CODE] : "INVALID",
      e.message,
      { source: [e.code] },
      { code: e.code },
    );
  return e;
}

/** Services each text mentions (with the words that named them), from the one catalog cache (lib/search/catalog.ts). Runs in the write-up worker. */
async function loadMatcher(db: Db) {
  const catalog = await searchCatalog(db);
  const find = mentionFinder(catalog.services);
  return async (texts: string[]) => {
    try {
      return (await find(texts)).map((found) =>
        found
          .filter((m) => catalog.bySlug.has(m.slug))
          .map((m) => ({
            id: catalog.bySlug.get(m.slug)!.id,
            slug: m.slug,
            name: catalog.names.get(m.slug) ?? m.slug,
            matched: m.matched,
          })),
      );
    } catch (e) {
      throw toAppError(e);
    }
  };
}

const eventRef = (e: { id: string; slug: string; name: string; startDate: Date; timeZone: string }): EventRef => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  date: formatIsoDate(e.startDate, e.timeZone),
  timeZone: e.timeZone,
});
const normTitle = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

async function findEvents(db: Db | Tx, name: string, date: string | undefined) {
  // Events are few (one per conference); comparing names in JS keeps case/space rules identical on both databases.
  const all = await db.event.findMany({
    select: { id: true, slug: true, name: true, startDate: true, timeZone: true },
    orderBy: { startDate: "desc" },
  });
  const refs = all.map(eventRef);
  const sameName = (e: EventRef) => normTitle(e.name) === normTitle(name);
  const match = date ? (refs.find((e) => sameName(e) && e.date === date) ?? null) : null;
  const candidates = refs.filter((e) => e.id !== match?.id && (sameName(e) || (date && e.date === date))).slice(0, 20);
  return { match, candidates };
}

async function loadExistingTalks(db: Db | Tx, event: EventRef): Promise<ExistingTalk[]> {
  const talks = await db.talk.findMany({
    where: { eventId: event.id },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, startsAt: true, endsAt: true, timeUnknown: true },
  });
  return talks.map((t) => ({
    id: t.id,
    title: t.title,
    startTime: formatTime(t.startsAt, event.timeZone),
    endTime: formatTime(t.endsAt, event.timeZone),
    date: formatIsoDate(t.startsAt, event.timeZone),
    timeUnknown: t.timeUnknown,
  }));
}

async function parseSource(input: string | Uint8Array, fileName: string | undefined, timeZone: string) {
  try {
    const source = readWriteupText(input);
    const plan = await parseWriteupOffThread(source, { fileName, timeZone });
    return { source, plan };
  } catch (e) {
    throw toAppError(e);
  }
}

/** Parse and plan: nothing is written. Bad input (binary, too large, invalid UTF-8, bad front matter) → AppError. */
export async function planWriteupImport(
  db: Db,
  actor: ImportActor,
  input: string | Uint8Array,
  options: WriteupPreviewOptions = {},
): Promise<WriteupImportPreview> {
  let chosen: EventRef | null = null;
  if (options.eventId) {
    const e = await db.event.findUnique({
      where: { id: options.eventId },
      select: { id: true, slug: true, name: true, startDate: true, timeZone: true },
    });
    if (!e) throw new AppError("NOT_FOUND", "event_not_found");
    chosen = eventRef(e);
  }
  let timeZone = options.timeZone ?? chosen?.timeZone ?? DEFAULT_WRITEUP_TIME_ZONE;
  let { source, plan } = await parseSource(input, options.fileName, timeZone);
  const written = plan.frontMatter.extra.timezone;
  if (
    !options.timeZone &&
    !chosen &&
    isExportedPost(plan) &&
    typeof written === "string" &&
    isValidTimeZone(written) &&
    written !== timeZone
  ) {
    // An exported post says which zone its times are in.
    timeZone = written;
    ({ source, plan } = await parseSource(input, options.fileName, timeZone));
  }
  const found = await findEvents(db, plan.event.name, plan.event.date);
  const match = chosen ?? found.match;
  const candidates = [
    ...(chosen && found.match && found.match.id !== chosen.id ? [found.match] : []),
    ...found.candidates.filter((c) => c.id !== match?.id),
  ];
  const existingTalks = match ? await loadExistingTalks(db, match) : [];
  const canModifyAgenda = actor.role === "ADMIN";
  const suggest = await loadMatcher(db);
  const planned = planImportSections(plan, source);
  // A talk's title counts toward its tags ("실시간 주문 처리에서 Kinesis의 역할").
  const mentioned = await suggest(planned.map((s) => sectionTagText(s.kind === "talk" ? s.title : undefined, s.body)));
  const sections = planned.map((s, i) => ({
    ...s,
    tags: mentioned[i].map((r) => ({ slug: r.slug, name: r.name, matched: r.matched })),
    target: defaultTarget(s, match ? existingTalks : null, canModifyAgenda),
  }));
  return {
    source,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    event: {
      name: plan.event.name,
      ...(plan.event.date ? { date: plan.event.date } : {}),
      timeZone: match?.timeZone ?? timeZone,
    },
    frontMatter: plan.frontMatter,
    match,
    candidates,
    existingTalks,
    sections,
    guesses: importGuesses(plan),
    warnings: plan.warnings,
    canModifyAgenda,
  };
}

async function uniqueSlug(tx: Tx, base: string): Promise<string> {
  const root = base || "writeup";
  const taken = new Set(
    (await tx.event.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((e) => e.slug),
  );
  let candidate = root;
  for (let n = 2; taken.has(candidate); n++) candidate = `${root}-${n}`;
  return candidate;
}

type ResolvedSection = {
  index: number;
  final: SectionTarget;
  title?: string;
  startTime?: string;
  endTime?: string;
  timeUnknown: boolean;
  speakers: string[];
  track?: string;
  body: string;
};

/** A stable op id for one note write of an import: the same import retried is the same operation. */
function importOpId(...parts: string[]): string {
  return `writeup-${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 40)}`;
}

/**
 * Applies the preview as the user left it. The source is read again here (an apply request cannot
 * carry what a preview would refuse); the sections are the user's: split, merged, turned into talks
 * or notes, retitled and timed in the preview, so they need not match the parser's.
 */
export async function applyWriteupImport(
  db: Db,
  actor: ImportActor,
  input: WriteupApplyInput,
): Promise<WriteupImportSummary> {
  await parseSource(input.source, input.fileName, input.event.timeZone);
  const sections: ResolvedSection[] = input.sections.map((edit, i) => {
    const timeUnknown = edit.timeUnknown === true || (!edit.startTime && !edit.endTime);
    return {
      index: i,
      final: edit.target,
      title: edit.title,
      ...(timeUnknown ? {} : { startTime: edit.startTime, endTime: edit.endTime }),
      timeUnknown,
      speakers: edit.speakers ?? [],
      ...(edit.track ? { track: edit.track } : {}),
      body: edit.body,
    };
  });
  for (const s of sections) {
    if (s.final !== "new-talk") continue;
    if (!s.title?.trim())
      throw new AppError("INVALID", "title_required", { [`sections.${s.index}`]: ["title_required"] });
    if (!s.timeUnknown && (!s.startTime || !s.endTime || s.startTime >= s.endTime))
      throw new AppError("INVALID", "time_order", { [`sections.${s.index}`]: ["time_order"] });
  }
  const isNewEvent = input.event.targetId === null;
  if (!isNewEvent && actor.role !== "ADMIN" && sections.some((s) => s.final === "new-talk"))
    throw new AppError("FORBIDDEN", "agenda_admin_only");
  if (isNewEvent && sections.some((s) => s.final.startsWith("talk:")))
    throw new AppError("INVALID", "talk_not_in_event", { sections: ["talk_not_in_event"] });
  const suggest = await loadMatcher(db);

  // 1. The event and its new talks, in one transaction.
  const agenda = async (tx: Tx) => {
    const { name, date, timeZone } = input.event;
    let event: EventRef & { created: boolean };
    const newTalks = sections.filter((s) => s.final === "new-talk");
    const times = orderTimes(newTalks);
    if (isNewEvent) {
      const lastEnd = times.map((t) => t.endTime).reduce((max, t) => (t > max ? t : max), "23:59");
      const slug = await uniqueSlug(tx, slugify(name) || `writeup-${date}`);
      const created = await tx.event.create({
        data: {
          slug,
          name,
          startDate: zonedToUtc(date, "00:00", timeZone),
          endDate: zonedToUtc(date, lastEnd, timeZone),
          timeZone,
        },
        select: { id: true, slug: true, name: true, startDate: true, timeZone: true },
      });
      event = { ...eventRef(created), created: true };
    } else {
      const found = await tx.event.findUnique({
        where: { id: input.event.targetId! },
        select: { id: true, slug: true, name: true, startDate: true, timeZone: true },
      });
      if (!found) throw new AppError("NOT_FOUND", "event_not_found");
      event = { ...eventRef(found), created: false };
    }
    // Existing talks the sections point at must belong to this event.
    const wantedIds = [...new Set(sections.filter((s) => s.final.startsWith("talk:")).map((s) => s.final.slice(5)))];
    const existing = await tx.talk.findMany({
      where: { id: { in: wantedIds }, eventId: event.id },
      select: { id: true, title: true, startsAt: true, endsAt: true, timeUnknown: true },
    });
    if (existing.length !== wantedIds.length) throw new AppError("NOT_FOUND", "talk_not_found");
    const talkIdOf = new Map<number, string>();
    if (newTalks.length > 0) {
      const dayDate = event.created ? date : event.date;
      const day = await tx.day.upsert({
        where: { eventId_date: { eventId: event.id, date: dayDate } },
        create: { eventId: event.id, date: dayDate },
        update: {},
        select: { id: true },
      });
      // Tracks by the names the write-up gives.
      const trackIds = new Map<string, string>();
      let position = await tx.track.count({ where: { eventId: event.id } });
      for (const trackName of new Set(newTalks.map((s) => s.track?.trim()).filter((t): t is string => !!t))) {
        const track = await tx.track.upsert({
          where: { eventId_name: { eventId: event.id, name: trackName } },
          create: { eventId: event.id, name: trackName, position: position++ },
          update: {},
          select: { id: true },
        });
        trackIds.set(trackName, track.id);
      }
      const ids = await insertAgendaTalks(
        tx,
        { eventId: event.id, dayId: day.id, date: dayDate, timeZone: event.timeZone },
        newTalks.map((s, i) => ({
          title: s.title!.trim(),
          startTime: times[i].startTime,
          endTime: times[i].endTime,
          trackId: s.track?.trim() ? trackIds.get(s.track.trim())! : null,
          speakers: s.speakers,
        })),
      );
      const unknown = ids.filter((_, i) => newTalks[i].timeUnknown);
      if (unknown.length) await tx.talk.updateMany({ where: { id: { in: unknown } }, data: { timeUnknown: true } });
      newTalks.forEach((s, i) => talkIdOf.set(s.index, ids[i]));
    }
    return { event, existing, talkIdOf };
  };
  let result: Awaited<ReturnType<typeof agenda>>;
  try {
    result = await db.$transaction(agenda, { timeout: 60_000, maxWait: 10_000 });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "import_conflict");
    throw e;
  }
  const { event, existing, talkIdOf } = result;
  const existingById = new Map(existing.map((t) => [t.id, t]));

  const talks: WriteupImportSummary["talks"] = [];
  for (const s of sections) {
    if (s.final === "new-talk")
      talks.push({
        title: s.title!.trim(),
        startTime: s.timeUnknown ? null : s.startTime!,
        endTime: s.timeUnknown ? null : s.endTime!,
        created: true,
      });
    else if (s.final.startsWith("talk:")) {
      const t = existingById.get(s.final.slice(5))!;
      talks.push({
        title: t.title,
        startTime: t.timeUnknown ? null : formatTime(t.startsAt, event.timeZone),
        endTime: t.timeUnknown ? null : formatTime(t.endsAt, event.timeZone),
        created: false,
      });
    }
  }

  // 2. Notes: sections aimed at the same talk are joined in order (one note per author and talk).
  const byTalk = new Map<string, { bodies: string[]; titles: string[] }>();
  const eventNotes: string[] = [];
  for (const s of sections) {
    const talkId =
      s.final === "new-talk" ? talkIdOf.get(s.index)! : s.final.startsWith("talk:") ? s.final.slice(5) : null;
    if (talkId && !byTalk.has(talkId)) byTalk.set(talkId, { bodies: [], titles: [] });
    if (talkId && s.title) byTalk.get(talkId)!.titles.push(s.title);
    if (s.body.trim() === "") continue;
    if (talkId) byTalk.get(talkId)!.bodies.push(s.body);
    else eventNotes.push(s.body);
  }

  let notesCreated = 0;
  let notesUpdated = 0;
  let notesConflicted = 0;
  let tagsAdded = 0;
  const tagNote = async (noteId: string, text: string) => {
    const have = new Set(
      (await db.noteTag.findMany({ where: { noteId, serviceId: { not: null } }, select: { serviceId: true } })).map(
        (t) => t.serviceId,
      ),
    );
    const [mentioned] = await suggest([text]);
    const add = [...new Set(mentioned.map((s) => s.id))].filter((id) => !have.has(id));
    if (add.length)
      await db.noteTag.createMany({
        data: add.map((serviceId) => ({ noteId, serviceId, source: "SUGGESTED" as const })),
      });
    tagsAdded += add.length;
  };
  const save = async (talkId: string | null, body: string, tagText: string, base?: { id: string; version: number }) => {
    const opId = importOpId(actor.id, event.id, talkId ?? "", base ? `${base.id}@${base.version}` : "", body);
    const saved = await saveNote(db, actor.id, {
      opId,
      eventId: event.id,
      talkId,
      baseVersion: base?.version ?? 0,
      body,
      ...(base ? { noteId: base.id } : {}),
    });
    if (saved.status === "conflict") {
      notesConflicted++;
      return;
    }
    if (saved.duplicate) return; // this import was applied before
    if (base) notesUpdated++;
    else notesCreated++;
    await tagNote(saved.noteId, tagText);
  };
  for (const [talkId, { bodies, titles }] of byTalk) {
    if (bodies.length === 0) continue;
    const body = bodies.join("\n\n");
    const tagText = sectionTagText(titles[0], body);
    const mine = await db.note.findFirst({
      where: { authorId: actor.id, talkId },
      select: { id: true, body: true, version: true },
    });
    if (!mine) {
      await save(talkId, body, tagText);
      continue;
    }
    if (mine.body.includes(body.trim())) continue; // imported before: nothing new
    const merged = mine.body.trim() ? `${mine.body.replace(/\s+$/, "")}\n\n${body}` : body;
    await save(talkId, merged, tagText, { id: mine.id, version: mine.version });
  }
  for (const body of eventNotes) {
    if (!event.created) {
      const same = await db.note.findFirst({
        where: { authorId: actor.id, eventId: event.id, talkId: null, body },
        select: { id: true },
      });
      if (same) continue; // imported before
    }
    await save(null, body, sectionTagText(undefined, body));
  }
  return {
    event: { id: event.id, slug: event.slug, name: event.name, date: event.date, created: event.created },
    talks,
    notesCreated,
    notesUpdated,
    notesConflicted,
    tagsAdded,
  };
}

/** The preview's defaults as an apply input (the CLI, and tests, take the plan as it is). */
export function defaultApplyInput(
  preview: WriteupImportPreview,
  overrides: { name?: string; date?: string; targetId?: string | null } = {},
): WriteupApplyInput {
  const input = defaultApplyInputOrError(preview, overrides);
  if ("error" in input) throw new AppError("INVALID", input.error, { "event.date": [input.error] });
  return input;
}
