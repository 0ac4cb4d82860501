// One raw talk → checked, plain-text fields and UTC times, reporting every problem it has.
import { AGENDA_LIMITS, type AgendaProblem, type AgendaTalkLevel } from "./plan";
import { talkLabel, type RawTalk } from "./raw";
import { isExportableSlug } from "./schedule-ids";
import { resolveTalkTimes } from "./talk-times";
import { cleanLine, containsMarkup, looksLikeScript, markupToText, quote } from "./text";

export type NormalTalk = {
  where: string;
  guid?: string;
  slug?: string;
  title: string;
  abstract: string;
  startsAt: Date;
  endsAt: Date;
  day: string;
  room?: string;
  /** The source's track label (a topic or a column); which one becomes the column is decided later. */
  track?: string;
  plenary: boolean;
  speakers: string[];
  level?: AgendaTalkLevel;
};

// A keynote or plenary spans every track; most sources say so in the type or in the track name.
const PLENARY = /^(plenary|keynotes?|plenum|기조\s*연설)$/i;

const LEVEL_WORDS: [RegExp, AgendaTalkLevel][] = [
  [/\b(100|intro\w*|beginner|basic)\b/i, "INTRO"],
  [/\b(200|intermediate)\b/i, "INTERMEDIATE"],
  [/\b(300|advanced)\b/i, "ADVANCED"],
  [/\b(400|expert)\b/i, "EXPERT"],
];

export function parseLevel(value: string): AgendaTalkLevel | undefined {
  return LEVEL_WORDS.find(([pattern]) => pattern.test(value))?.[1];
}

function plainName(value: string | undefined): string {
  return markupToText(cleanLine(value), { singleLine: true });
}

export function normalizeTalk(raw: RawTalk, timeZone: string, report: (p: AgendaProblem) => void): NormalTalk | null {
  const rawTitle = cleanLine(raw.title);
  const title = markupToText(rawTitle, { singleLine: true });
  // Messages quote the cleaned title: a problem list must never carry the markup it warns about.
  const label = talkLabel({ title, where: raw.where });
  let ok = true;
  const error = (message: string) => {
    report({ severity: "error", message, where: raw.where });
    ok = false;
  };
  const warn = (message: string) => report({ severity: "warning", message, where: raw.where });

  if (containsMarkup(rawTitle)) {
    const what = looksLikeScript(rawTitle) ? "script markup" : "HTML markup";
    warn(`${label} had ${what} in its title; the tags were removed and the title is kept as plain text.`);
  }
  if (!title) error(`A talk (${raw.where}) has an empty title.`);
  else if (title.length > AGENDA_LIMITS.title)
    error(`${label} has a title of ${title.length} characters; the limit is ${AGENDA_LIMITS.title}.`);

  const rawAbstract = raw.abstract ?? "";
  if (looksLikeScript(rawAbstract))
    warn(`${label} has script markup in its abstract; it was removed and the abstract is kept as plain text.`);
  const abstract = markupToText(rawAbstract);
  if (abstract.length > AGENDA_LIMITS.abstract)
    error(`${label} has an abstract of ${abstract.length} characters; the limit is ${AGENDA_LIMITS.abstract}.`);

  const guid = cleanLine(raw.guid) || undefined;
  if (guid && guid.length > AGENDA_LIMITS.guid)
    error(`${label} has a guid of ${guid.length} characters; the limit is ${AGENDA_LIMITS.guid}.`);

  // A slug is optional metadata for exports: one the validators would refuse is dropped, not an error.
  const slug = cleanLine(raw.slug) || undefined;

  const room = plainName(raw.room) || undefined;
  const track = plainName(raw.track) || undefined;
  for (const [what, value] of [
    ["room", room],
    ["track", track],
  ] as const) {
    if (value && value.length > AGENDA_LIMITS.name)
      error(`${label} has a ${what} name of ${value.length} characters; the limit is ${AGENDA_LIMITS.name}.`);
  }

  const speakers = [...new Set(raw.speakers.map(plainName).filter(Boolean))];
  for (const name of speakers) {
    if (name.length > AGENDA_LIMITS.name)
      error(`${label} has a speaker name of ${name.length} characters; the limit is ${AGENDA_LIMITS.name}.`);
  }

  let level: AgendaTalkLevel | undefined;
  const rawLevel = cleanLine(raw.level);
  if (rawLevel) {
    level = parseLevel(rawLevel);
    if (!level)
      warn(
        `${label} has the unknown level ${quote(rawLevel)}; it was left empty (use 100–400 or intro, intermediate, advanced, expert).`,
      );
  }

  const times = resolveTalkTimes(raw, timeZone);
  if ("error" in times) error(`${label} ${times.error}.`);

  if (!ok || "error" in times) return null;
  const plenary =
    PLENARY.test(cleanLine(raw.type)) || (track !== undefined && PLENARY.test(track)) || (!track && !room);
  return {
    where: raw.where,
    guid,
    ...(slug && isExportableSlug(slug) ? { slug } : {}),
    title,
    abstract,
    ...times,
    room,
    track: plenary ? undefined : track,
    plenary,
    speakers,
    level,
  };
}
