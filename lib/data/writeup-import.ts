// Write-up import, database side: parse (lib/writeup) → plan against the stored events (preview) →
// apply in one transaction. The import page (/writeups/import via /api/writeups/import) and
// `npm run writeup:import` both call planWriteupImport / applyWriteupImport.
//
// Who may do what (DESIGN.md "Flows"; the permission table has the rows):
// - any signed-in user may import: a new event is created from the write-up, or the notes are
//   attached to an existing event (to its talks, or as event-level notes);
// - only an admin may add talks to an existing event's agenda ("new-talk" on a matched event);
// - imported events have no owner: like every event they are public agendas, edited by admins.
//   The importer owns the notes (PRIVATE, authored by them, revision 1, service tags SUGGESTED).
// No text is lost: each section's note text is its body plus the heading lines that are not kept
// as a talk's title and time (event-note headings, container headings like "## 강연 트랙").
import { slugify } from "../agenda/build-plan";
import type { Db } from "../db-client";
import { AppError, isUniqueViolation } from "../errors";
import { formatIsoDate, formatTime, isValidTimeZone, zonedToUtc } from "../time/zoned";
import type { SectionTarget, WriteupApplyInput, WriteupPreviewOptions } from "../validations/writeups";
import { readWriteupText } from "../writeup/input";
import { mentionFinder, parseWriteupOffThread } from "../writeup/off-thread";
import { WriteupError, type WriteupPlan } from "../writeup/parse";
import { insertAgendaTalks } from "./agenda-rows";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type ImportActor = { id: string; role: "ADMIN" | "MEMBER" };

export const DEFAULT_WRITEUP_TIME_ZONE = "Asia/Seoul";
/** Untimed talks (setext sections, "세션 N") are laid out from here, 40 minutes each with 10 between. */
const FIRST_ASSUMED_START = 9 * 60;
const ASSUMED_LENGTH = 40;
const ASSUMED_GAP = 10;

export type EventRef = { id: string; slug: string; name: string; date: string; timeZone: string };
export type ExistingTalk = { id: string; title: string; startTime: string; endTime: string; date: string };

export type ImportSection = {
  index: number;
  kind: "talk" | "note";
  /** The talk's title, or the event note's heading. */
  title?: string;
  startTime?: string;
  endTime?: string;
  /** True when the write-up gave no time and one was laid out in order. */
  timeAssumed: boolean;
  speakers: string[];
  track?: string;
  /** The note text that will be saved (editable in the preview). */
  body: string;
  /** AWS services the text mentions, saved as the note's tags. */
  tags: { slug: string; name: string }[];
  /** The default choice: existing talk of the matched event, a new talk, or an event-level note. */
  target: SectionTarget;
  sourceStartLine: number;
};

export type WriteupImportPreview = {
  source: string;
  fileName?: string;
  event: { name: string; date?: string; timeZone: string };
  frontMatter: WriteupPlan["frontMatter"];
  /** The event the notes go to: given by id, or the one with the same name and date; null = a new event. */
  match: EventRef | null;
  /** Events with the same name or date, offered in the preview's event select. */
  candidates: EventRef[];
  existingTalks: ExistingTalk[];
  sections: ImportSection[];
  warnings: string[];
  canModifyAgenda: boolean;
};

export type WriteupImportSummary = {
  event: { id: string; slug: string; name: string; date: string; created: boolean };
  talks: { title: string; startTime: string; endTime: string; created: boolean }[];
  notesCreated: number;
  notesUpdated: number;
  tagsAdded: number;
};

const APP_CODE = { TOO_LARGE: "TOO_LARGE", BUSY: "TOO_MANY" } as const;

/** WriteupError (bad input, too complex, busy) → the AppError every edge already knows how to show. */
export function toAppError(e: unknown): unknown {
  if (e instanceof WriteupError) return new AppError(e.code in APP_CODE ? APP_CODE[e.code as keyof typeof APP_CODE] : "INVALID", e.message, { source: [e.code] }, { code: e.code });
  return e;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmmOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const normTitle = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** Splits a talk's headingSource into the container headings before it and its own title lines. */
function containerHeadings(headingSource: string | undefined, lines: string[], sourceStartLine: number): string | undefined {
  if (!headingSource) return undefined;
  const parts = headingSource.split("\n\n");
  const ownFirst = lines[sourceStartLine - 1] ?? "";
  if (parts.at(-1)!.split("\n")[0] === ownFirst) parts.pop(); // the talk's own title: kept as title and time
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

const joinBlocks = (...blocks: (string | undefined)[]) => blocks.filter((b): b is string => !!b && b.trim() !== "").join("\n\n");

// What exportWriteup adds around the notes (lib/writeup/export.ts LABELS): on re-import of such a
// post these words are the exporter's, not the user's, and are not put into the notes again.
const EXPORT_CONTAINER = /^#{1,6}\s+(?:강연|Talks|\d+일차 · \d{4}-\d{2}-\d{2}|Day \d+ · \d{4}-\d{2}-\d{2})\s*$/;
const EXPORT_OVERVIEW = /^#{1,6}\s+(?:총평|Overview)\s*$/;
const EXPORT_META = /^(?:트랙|발표자|Track|Speakers): .*$/;

/** A post written by exportWriteup: its front matter names the event and its time zone. */
export function isExportedPost(plan: WriteupPlan): boolean {
  return typeof plan.frontMatter.extra.event === "string" && typeof plan.frontMatter.extra.timezone === "string";
}

/** Drops the exporter's "트랙: …  / 발표자: …" paragraph at the top of a talk (the talk row keeps both). */
function withoutExportMeta(body: string): string {
  const lines = body.split("\n");
  let end = 0;
  while (end < lines.length && lines[end].trim() !== "" && EXPORT_META.test(lines[end].trim())) end++;
  if (end === 0 || (end < lines.length && lines[end].trim() !== "")) return body;
  return lines.slice(end).join("\n").replace(/^\n+/, "");
}

/** The plan's pieces in source order as import sections (before any event is chosen). */
export function planSections(plan: WriteupPlan, source: string): Omit<ImportSection, "tags" | "target">[] {
  const lines = source.split("\n");
  const exported = isExportedPost(plan);
  const pieces = [
    ...plan.eventNotes.map((n) => ({ kind: "note" as const, n })),
    ...plan.talks.map((t) => ({ kind: "talk" as const, t })),
  ].sort((a, b) => (a.kind === "note" ? a.n : a.t).sourceStartLine - (b.kind === "note" ? b.n : b.t).sourceStartLine);
  let cursor = FIRST_ASSUMED_START;
  return pieces.map((p, index) => {
    if (p.kind === "note") {
      const heading = exported && p.n.headingSource && EXPORT_OVERVIEW.test(p.n.headingSource) ? undefined : p.n.headingSource;
      return { index, kind: "note", ...(p.n.heading ? { title: p.n.heading } : {}), timeAssumed: false, speakers: [], body: joinBlocks(heading, p.n.body), sourceStartLine: p.n.sourceStartLine };
    }
    const t = p.t;
    let startTime = t.startTime;
    let endTime = t.endTime;
    const timeAssumed = !startTime;
    if (!startTime) {
      const start = Math.min(cursor, 23 * 60 + 58 - ASSUMED_LENGTH);
      startTime = hhmmOf(start);
      endTime = hhmmOf(start + ASSUMED_LENGTH);
    } else if (!endTime || endTime <= startTime) {
      endTime = hhmmOf(Math.min(minutesOf(startTime) + ASSUMED_LENGTH, 23 * 60 + 59));
      if (endTime <= startTime) startTime = hhmmOf(minutesOf(endTime) - 1);
    }
    cursor = Math.max(cursor, minutesOf(endTime!) + ASSUMED_GAP);
    return {
      index,
      kind: "talk",
      title: t.title,
      startTime,
      endTime,
      timeAssumed,
      speakers: t.speakers ?? [],
      ...(t.track ? { track: t.track } : {}),
      body: exported
        ? joinBlocks(
            containerHeadings(t.headingSource, lines, t.sourceStartLine)
              ?.split("\n\n")
              .filter((h) => !EXPORT_CONTAINER.test(h))
              .join("\n\n"),
            withoutExportMeta(t.body),
          )
        : joinBlocks(containerHeadings(t.headingSource, lines, t.sourceStartLine), t.body),
      sourceStartLine: t.sourceStartLine,
    };
  });
}

/** Services each text mentions. Matching a megabyte takes a few hundred ms, so it runs in the write-up worker. */
async function loadMatcher(db: Db | Tx) {
  const rows = await db.service.findMany({ select: { id: true, slug: true, name: true, shortName: true, aliases: { select: { alias: true, locale: true } } } });
  const find = mentionFinder(rows.map((r) => ({ slug: r.slug, name: r.name, shortName: r.shortName, aliases: r.aliases.map((a) => ({ alias: a.alias, locale: a.locale === "ko" ? ("ko" as const) : ("en" as const) })) })));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return async (texts: string[]) => {
    try {
      return (await find(texts)).map((slugs) => slugs.filter((slug) => bySlug.has(slug)).map((slug) => bySlug.get(slug)!));
    } catch (e) {
      throw toAppError(e);
    }
  };
}

const eventRef = (e: { id: string; slug: string; name: string; startDate: Date; timeZone: string }): EventRef => ({ id: e.id, slug: e.slug, name: e.name, date: formatIsoDate(e.startDate, e.timeZone), timeZone: e.timeZone });

async function findEvents(db: Db | Tx, name: string, date: string | undefined) {
  // Events are few (one per conference); comparing names in JS keeps case/space rules identical on both databases.
  const all = await db.event.findMany({ select: { id: true, slug: true, name: true, startDate: true, timeZone: true }, orderBy: { startDate: "desc" } });
  const refs = all.map(eventRef);
  const sameName = (e: EventRef) => normTitle(e.name) === normTitle(name);
  const match = date ? (refs.find((e) => sameName(e) && e.date === date) ?? null) : null;
  const candidates = refs.filter((e) => e.id !== match?.id && (sameName(e) || (date && e.date === date))).slice(0, 20);
  return { match, candidates };
}

async function loadExistingTalks(db: Db | Tx, event: EventRef): Promise<ExistingTalk[]> {
  const talks = await db.talk.findMany({ where: { eventId: event.id }, orderBy: [{ startsAt: "asc" }, { title: "asc" }], select: { id: true, title: true, startsAt: true, endsAt: true } });
  return talks.map((t) => ({ id: t.id, title: t.title, startTime: formatTime(t.startsAt, event.timeZone), endTime: formatTime(t.endsAt, event.timeZone), date: formatIsoDate(t.startsAt, event.timeZone) }));
}

/** Default target of a section given the chosen event: same title (and time, when both have one) → that talk. */
function defaultTarget(section: Omit<ImportSection, "tags" | "target">, existing: ExistingTalk[] | null, canModifyAgenda: boolean): SectionTarget {
  if (section.kind === "note") return "event-note";
  if (!existing) return "new-talk";
  const same = existing.filter((t) => normTitle(t.title) === normTitle(section.title ?? ""));
  const hit = same.find((t) => !section.timeAssumed && t.startTime === section.startTime) ?? same[0] ?? (section.timeAssumed ? undefined : existing.find((t) => t.startTime === section.startTime && t.endTime === section.endTime && existing.filter((o) => o.startTime === t.startTime).length === 1));
  if (hit) return `talk:${hit.id}`;
  return canModifyAgenda ? "new-talk" : "event-note";
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
export async function planWriteupImport(db: Db, actor: ImportActor, input: string | Uint8Array, options: WriteupPreviewOptions = {}): Promise<WriteupImportPreview> {
  let chosen: EventRef | null = null;
  if (options.eventId) {
    const e = await db.event.findUnique({ where: { id: options.eventId }, select: { id: true, slug: true, name: true, startDate: true, timeZone: true } });
    if (!e) throw new AppError("NOT_FOUND", "event_not_found");
    chosen = eventRef(e);
  }
  let timeZone = options.timeZone ?? chosen?.timeZone ?? DEFAULT_WRITEUP_TIME_ZONE;
  let { source, plan } = await parseSource(input, options.fileName, timeZone);
  const written = plan.frontMatter.extra.timezone;
  if (!options.timeZone && !chosen && isExportedPost(plan) && typeof written === "string" && isValidTimeZone(written) && written !== timeZone) {
    // An exported post says which zone its times are in.
    timeZone = written;
    ({ source, plan } = await parseSource(input, options.fileName, timeZone));
  }
  const found = await findEvents(db, plan.event.name, plan.event.date);
  const match = chosen ?? found.match;
  const candidates = [...(chosen && found.match && found.match.id !== chosen.id ? [found.match] : []), ...found.candidates.filter((c) => c.id !== match?.id)];
  const existingTalks = match ? await loadExistingTalks(db, match) : [];
  const canModifyAgenda = actor.role === "ADMIN";
  const suggest = await loadMatcher(db);
  const planned = planSections(plan, source);
  const mentioned = await suggest(planned.map((s) => s.body));
  const sections = planned.map((s, i) => ({
    ...s,
    tags: mentioned[i].map((r) => ({ slug: r.slug, name: r.name })),
    target: defaultTarget(s, match ? existingTalks : null, canModifyAgenda),
  }));
  return {
    source,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    event: { name: plan.event.name, ...(plan.event.date ? { date: plan.event.date } : {}), timeZone: match?.timeZone ?? timeZone },
    frontMatter: plan.frontMatter,
    match,
    candidates,
    existingTalks,
    sections,
    warnings: plan.warnings,
    canModifyAgenda,
  };
}

async function uniqueSlug(tx: Tx, base: string): Promise<string> {
  const root = base || "writeup";
  const taken = new Set((await tx.event.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((e) => e.slug));
  let candidate = root;
  for (let n = 2; taken.has(candidate); n++) candidate = `${root}-${n}`;
  return candidate;
}

type ResolvedSection = ImportSection & { final: SectionTarget };

/**
 * Applies an (edited) preview in one transaction. The source is parsed again here — the client only
 * sends its choices per section — so what is saved is what the same code would plan.
 */
export async function applyWriteupImport(db: Db, actor: ImportActor, input: WriteupApplyInput): Promise<WriteupImportSummary> {
  const { source, plan } = await parseSource(input.source, input.fileName, input.event.timeZone);
  const planned = planSections(plan, source);
  if (input.sections.length !== planned.length || input.sections.some((s, i) => s.index !== i)) {
    throw new AppError("INVALID", "sections_mismatch", { sections: ["sections_mismatch"] });
  }
  const sections: ResolvedSection[] = planned.map((p, i) => {
    const edit = input.sections[i];
    return {
      ...p,
      title: edit.title ?? p.title,
      startTime: edit.startTime ?? p.startTime,
      endTime: edit.endTime ?? p.endTime,
      body: edit.body,
      tags: [],
      target: edit.target,
      final: edit.target,
    };
  });
  for (const s of sections) {
    if (s.final === "new-talk" && (!s.startTime || !s.endTime || s.startTime >= s.endTime)) throw new AppError("INVALID", "time_order", { [`sections.${s.index}`]: ["time_order"] });
  }
  const isNewEvent = input.event.targetId === null;
  if (!isNewEvent && actor.role !== "ADMIN" && sections.some((s) => s.final === "new-talk")) throw new AppError("FORBIDDEN", "agenda_admin_only");
  if (isNewEvent && sections.some((s) => s.final.startsWith("talk:"))) throw new AppError("INVALID", "talk_not_in_event", { sections: ["talk_not_in_event"] });

  const run = async (tx: Tx): Promise<WriteupImportSummary> => {
    const suggest = await loadMatcher(tx);
    const { name, date, timeZone } = input.event;
    let event: EventRef & { created: boolean };
    if (isNewEvent) {
      const ends = sections.filter((s) => s.final === "new-talk").map((s) => s.endTime!);
      const lastEnd = ends.reduce((max, t) => (t > max ? t : max), "23:59");
      const slug = await uniqueSlug(tx, slugify(name) || `writeup-${date}`);
      const created = await tx.event.create({
        data: { slug, name, startDate: zonedToUtc(date, "00:00", timeZone), endDate: zonedToUtc(date, lastEnd, timeZone), timeZone },
        select: { id: true, slug: true, name: true, startDate: true, timeZone: true },
      });
      event = { ...eventRef(created), created: true };
    } else {
      const found = await tx.event.findUnique({ where: { id: input.event.targetId! }, select: { id: true, slug: true, name: true, startDate: true, timeZone: true } });
      if (!found) throw new AppError("NOT_FOUND", "event_not_found");
      event = { ...eventRef(found), created: false };
    }

    // Existing talks the sections point at must belong to this event.
    const wantedIds = [...new Set(sections.filter((s) => s.final.startsWith("talk:")).map((s) => s.final.slice(5)))];
    const existing = await tx.talk.findMany({ where: { id: { in: wantedIds }, eventId: event.id }, select: { id: true, title: true, startsAt: true, endsAt: true } });
    if (existing.length !== wantedIds.length) throw new AppError("NOT_FOUND", "talk_not_found");
    const existingById = new Map(existing.map((t) => [t.id, t]));

    // New talks: one day (the event's first date), tracks by the names the write-up gives.
    const newTalks = sections.filter((s) => s.final === "new-talk");
    const talkIdOf = new Map<number, string>();
    const talks: WriteupImportSummary["talks"] = [];
    if (newTalks.length > 0) {
      const dayDate = event.created ? date : event.date;
      const day = await tx.day.upsert({ where: { eventId_date: { eventId: event.id, date: dayDate } }, create: { eventId: event.id, date: dayDate }, update: {}, select: { id: true } });
      const trackIds = new Map<string, string>();
      const trackNames = [...new Set(newTalks.map((s) => s.track?.trim()).filter((t): t is string => !!t))];
      let position = await tx.track.count({ where: { eventId: event.id } });
      for (const trackName of trackNames) {
        const track = await tx.track.upsert({ where: { eventId_name: { eventId: event.id, name: trackName } }, create: { eventId: event.id, name: trackName, position: position++ }, update: {}, select: { id: true } });
        trackIds.set(trackName, track.id);
      }
      const ids = await insertAgendaTalks(
        tx,
        { eventId: event.id, dayId: day.id, date: dayDate, timeZone: event.timeZone },
        newTalks.map((s) => ({ title: s.title ?? `Talk ${s.index + 1}`, startTime: s.startTime!, endTime: s.endTime!, trackId: s.track?.trim() ? trackIds.get(s.track.trim())! : null, speakers: s.speakers })),
      );
      newTalks.forEach((s, i) => talkIdOf.set(s.index, ids[i]));
    }

    // Notes: sections aimed at the same talk are joined in order (one note per author and talk).
    const byTalk = new Map<string, string[]>();
    const eventNotes: string[] = [];
    for (const s of sections) {
      const talkId = s.final === "new-talk" ? talkIdOf.get(s.index)! : s.final.startsWith("talk:") ? s.final.slice(5) : null;
      if (talkId && !byTalk.has(talkId)) byTalk.set(talkId, []);
      if (s.body.trim() === "") continue;
      if (talkId) byTalk.get(talkId)!.push(s.body);
      else eventNotes.push(s.body);
    }
    for (const s of sections) {
      if (s.final === "new-talk") talks.push({ title: s.title ?? "", startTime: s.startTime!, endTime: s.endTime!, created: true });
      else if (s.final.startsWith("talk:")) {
        const t = existingById.get(s.final.slice(5))!;
        talks.push({ title: t.title, startTime: formatTime(t.startsAt, event.timeZone), endTime: formatTime(t.endsAt, event.timeZone), created: false });
      }
    }

    let notesCreated = 0;
    let notesUpdated = 0;
    let tagsAdded = 0;
    const tagNote = async (noteId: string, text: string) => {
      const have = new Set((await tx.noteTag.findMany({ where: { noteId, serviceId: { not: null } }, select: { serviceId: true } })).map((t) => t.serviceId));
      const [mentioned] = await suggest([text]);
      const add = [...new Set(mentioned.map((s) => s.id))].filter((id) => !have.has(id));
      if (add.length) await tx.noteTag.createMany({ data: add.map((serviceId) => ({ noteId, serviceId, source: "SUGGESTED" as const })) });
      tagsAdded += add.length;
    };
    const createNote = async (talkId: string | null, body: string) => {
      const note = await tx.note.create({ data: { authorId: actor.id, eventId: event.id, talkId, body, version: 1, revisions: { create: { authorId: actor.id, version: 1, body } } }, select: { id: true } });
      notesCreated++;
      await tagNote(note.id, body);
    };
    for (const [talkId, bodies] of byTalk) {
      if (bodies.length === 0) continue;
      const body = bodies.join("\n\n");
      const mine = await tx.note.findFirst({ where: { authorId: actor.id, talkId }, select: { id: true, body: true, version: true } });
      if (!mine) {
        await createNote(talkId, body);
        continue;
      }
      if (mine.body.includes(body.trim())) continue; // imported before: nothing new
      const merged = mine.body.trim() ? `${mine.body.replace(/\s+$/, "")}\n\n${body}` : body;
      await tx.note.update({ where: { id: mine.id }, data: { body: merged, version: mine.version + 1 } });
      await tx.noteRevision.create({ data: { noteId: mine.id, authorId: actor.id, version: mine.version + 1, body: merged } });
      notesUpdated++;
      await tagNote(mine.id, body);
    }
    for (const body of eventNotes) {
      if (!event.created) {
        const same = await tx.note.findFirst({ where: { authorId: actor.id, eventId: event.id, talkId: null, body }, select: { id: true } });
        if (same) continue; // imported before
      }
      await createNote(null, body);
    }
    return { event: { id: event.id, slug: event.slug, name: event.name, date: event.date, created: event.created }, talks, notesCreated, notesUpdated, tagsAdded };
  };

  try {
    return await db.$transaction(run, { timeout: 60_000, maxWait: 10_000 });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "import_conflict");
    throw e;
  }
}

/** The preview's defaults as an apply input (the CLI, and tests, take the plan as it is). */
export function defaultApplyInput(preview: WriteupImportPreview, overrides: { name?: string; date?: string; targetId?: string | null } = {}): WriteupApplyInput {
  const date = overrides.date ?? preview.match?.date ?? preview.event.date;
  if (!date) throw new AppError("INVALID", "event_date_required", { "event.date": ["event_date_required"] });
  return {
    source: preview.source,
    ...(preview.fileName ? { fileName: preview.fileName } : {}),
    event: { targetId: overrides.targetId !== undefined ? overrides.targetId : (preview.match?.id ?? null), name: overrides.name ?? preview.match?.name ?? preview.event.name, date, timeZone: preview.event.timeZone },
    sections: preview.sections.map((s) => ({
      index: s.index,
      target: overrides.targetId === null ? (s.kind === "talk" ? "new-talk" : "event-note") : s.target,
      body: s.body,
      ...(s.kind === "talk" ? { title: s.title, startTime: s.startTime, endTime: s.endTime } : {}),
    })),
  };
}
