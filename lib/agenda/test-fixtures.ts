// Agenda fixtures for the tests (not shipped code): a realistic frab schedule of 100+ talks over
// several days and rooms, with a plenary keynote each morning, Korean titles and HTML abstracts.
// Everything is derived from the options, so tests can state the expected numbers exactly.
import type { AgendaPlan, AgendaSnapshot } from "./plan";
import { eventKey, talkScheduleGuid } from "./schedule-ids";

export type FixtureTalk = {
  guid: string;
  day: string;
  start: string; // HH:MM local
  duration: string; // HH:MM
  room: string;
  track: string;
  title: string;
  type: string;
  abstract: string;
  persons: string[];
};

export type FrabFixtureOptions = {
  title?: string;
  acronym?: string;
  timeZone?: string | null; // null: the file names no zone
  days?: string[];
  rooms?: number;
  /** Per-day UTC offsets ("+02:00"): when given, each event also carries frab's ISO `date`. */
  offsets?: Record<string, string>;
};

const TOPICS = [
  "Lambda deep dive",
  "서버리스 아키텍처 실전",
  "Amazon Aurora internals",
  "데이터 레이크 구축기",
  "EKS at scale",
  "생성형 AI 서비스 운영",
];
const PEOPLE = [
  "김민수",
  "이서연",
  "Jane Doe",
  "박지훈",
  "John Smith",
  "최유진",
  "Akira Tanaka",
  "정하늘",
  "Maria Garcia",
  "한지민",
];
export const FIXTURE_SLOT_STARTS = ["10:30", "11:20", "12:10", "13:00", "13:50", "14:40"];
export const FIXTURE_DAYS = ["2024-03-30", "2024-03-31", "2024-04-01"];

/** The talks the generator writes, in file order: per day one keynote, then rooms × slots. */
export function fixtureTalks(options: FrabFixtureOptions = {}): FixtureTalk[] {
  const days = options.days ?? FIXTURE_DAYS;
  const rooms = options.rooms ?? 6;
  const talks: FixtureTalk[] = [];
  days.forEach((day, d) => {
    talks.push({
      guid: `keynote-${d + 1}`,
      day,
      start: "09:00",
      duration: "01:00",
      room: "Grand Ballroom",
      track: "Keynote",
      type: "keynote",
      title: d === 0 ? "기조 연설: The road ahead" : `Keynote day ${d + 1}`,
      abstract: "<p>Opening keynote.</p>",
      persons: ["염동훈", "Werner Vogels"],
    });
    for (let r = 1; r <= rooms; r++) {
      FIXTURE_SLOT_STARTS.forEach((start, s) => {
        const n = d * 100 + r * 10 + s;
        talks.push({
          guid: `talk-${d + 1}-${r}-${s + 1}`,
          day,
          start,
          duration: "00:40",
          room: `Room ${300 + r}`,
          track: `Track ${r}`,
          type: "talk",
          title: `${TOPICS[(r + s) % TOPICS.length]} #${n}`,
          abstract: `<p>Part ${s + 1} of track ${r}.</p><p>Bring &amp; share questions.</p>`,
          persons:
            (r + s) % 3 === 0
              ? [PEOPLE[n % PEOPLE.length], PEOPLE[(n + 3) % PEOPLE.length]]
              : [PEOPLE[n % PEOPLE.length]],
        });
      });
    }
  });
  return talks;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function frabXmlFrom(talks: FixtureTalk[], options: FrabFixtureOptions = {}): string {
  const days = options.days ?? FIXTURE_DAYS;
  const zone = options.timeZone === undefined ? "Europe/Berlin" : options.timeZone;
  const body = days
    .map((day, d) => {
      const rooms = [...new Set(talks.filter((t) => t.day === day).map((t) => t.room))];
      const roomXml = rooms.map((room) => {
        const events = talks
          .filter((t) => t.day === day && t.room === room)
          .map((t, i) => {
            const date = options.offsets ? `\n        <date>${day}T${t.start}:00${options.offsets[day]}</date>` : "";
            const persons = t.persons.map((p, j) => `<person id="${j + 1}">${escapeXml(p)}</person>`).join("");
            return `      <event guid="${escapeXml(t.guid)}" id="${d * 1000 + i + 1}">${date}
        <start>${t.start}</start>
        <duration>${t.duration}</duration>
        <room>${escapeXml(t.room)}</room>
        <slug>${escapeXml(t.guid)}</slug>
        <title>${escapeXml(t.title)}</title>
        <subtitle/>
        <track>${escapeXml(t.track)}</track>
        <type>${t.type}</type>
        <language>ko</language>
        <abstract>${escapeXml(t.abstract)}</abstract>
        <description/>
        <persons>${persons}</persons>
        <links/>
      </event>`;
          });
        return `    <room name="${escapeXml(room)}">\n${events.join("\n")}\n    </room>`;
      });
      return `  <day index="${d + 1}" date="${day}">\n${roomXml.join("\n")}\n  </day>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <generator name="pretalx" version="2024.1"/>
  <version>1.0</version>
  <conference>
    <acronym>${escapeXml(options.acronym ?? "summit24")}</acronym>
    <title>${escapeXml(options.title ?? "AWS Summit Berlin 2024")}</title>
    <start>${days[0]}</start>
    <end>${days.at(-1)}</end>
    <days>${days.length}</days>
    <timeslot_duration>00:05</timeslot_duration>${zone ? `\n    <time_zone_name>${zone}</time_zone_name>` : ""}
  </conference>
${body}
</schedule>
`;
}

export function generateFrabXml(options: FrabFixtureOptions = {}): string {
  return frabXmlFrom(fixtureTalks(options), options);
}

const pretalxEvent = (fields: Record<string, unknown>): Record<string, unknown> => ({
  id: 1,
  logo: "",
  slug: "x",
  url: "",
  subtitle: "",
  type: "Talk",
  language: "en",
  description: "",
  links: [],
  attachments: [],
  answers: [],
  ...fields,
});

// Shaped like a real pretalx export: both start forms, persons as objects, a null track, a keynote.
export const PRETALX_SCHEDULE = {
  $schema: "https://c3voc.de/schedule/schema.json",
  schedule: {
    version: "v1",
    conference: {
      acronym: "democon",
      title: "DemoCon 2024",
      start: "2024-10-26",
      end: "2024-10-27",
      daysCount: 2,
      time_zone_name: "Europe/Berlin",
      rooms: [{ name: "Gray Room" }, { name: "Tan Room" }],
      tracks: [
        { name: "Security", color: "#AA0000" },
        { name: "Web", color: "#00aa00" },
      ],
      days: [
        {
          index: 1,
          date: "2024-10-26",
          day_start: "2024-10-26T04:00:00+02:00",
          rooms: {
            "Tan Room": [
              pretalxEvent({
                guid: "g-2",
                date: "2024-10-26T10:00:00+02:00",
                start: "10:00",
                duration: "00:30",
                room: "Tan Room",
                title: "Web components",
                track: "Web",
                abstract: "Shadow DOM",
                persons: [{ public_name: "Brian Robinson" }],
              }),
            ],
            "Gray Room": [
              pretalxEvent({
                guid: "g-0",
                date: "2024-10-26T09:00:00+02:00",
                start: "09:00",
                duration: "00:45",
                room: "Gray Room",
                title: "Opening keynote",
                track: null,
                type: "Keynote",
                persons: [{ name: "Jordan Parks" }],
              }),
              pretalxEvent({
                guid: "g-1",
                date: "2024-10-26T10:00:00+02:00",
                start: "10:00",
                duration: "00:30",
                room: "Gray Room",
                title: "Threat modelling",
                track: "Security",
                abstract: "",
                description: "STRIDE in practice",
                persons: [{ public_name: "Kimberly Griffin" }, "Holly Noble"],
              }),
            ],
          },
        },
        {
          index: 2,
          date: "2024-10-27",
          rooms: {
            // 27 October: the clocks go back, so 10:00 local is 09:00 UTC.
            "Gray Room": [
              pretalxEvent({
                guid: "g-3",
                start: "2024-10-27T10:00:00+01:00",
                duration: "01:00",
                room: "Gray Room",
                title: "Fuzzing",
                track: "Security",
                persons: [],
              }),
            ],
            "Tan Room": [
              pretalxEvent({
                guid: "g-4",
                start: "10:00",
                duration: "00:30",
                room: "Tan Room",
                title: "CSS layers",
                track: "Web",
                persons: [],
              }),
            ],
          },
        },
      ],
    },
  },
};

/** A one-day, one-room frab file built from the fixture talks after `change`; for bad-input cases. */
export function smallFrab(
  change: (talks: FixtureTalk[]) => FixtureTalk[] = (t) => t,
  options: FrabFixtureOptions = {},
): string {
  const opts = { days: ["2024-05-16"], rooms: 3, ...options };
  return frabXmlFrom(change(fixtureTalks(opts)), opts);
}

const setTalk = (guid: string, fields: Partial<FixtureTalk>) => (talks: FixtureTalk[]) =>
  talks.map((t) => (t.guid === guid ? { ...t, ...fields } : t));

/** Inputs that must be refused as a whole, each with the sentence (or its start) that says why. */
export const BAD_AGENDAS: { name: string; filename: string; text: () => string; message: string | RegExp }[] = [
  {
    name: "text that is not XML",
    filename: "schedule.xml",
    text: () => "this is not xml",
    message: "The file is not XML: it does not start with an element ('<').",
  },
  {
    name: "malformed XML",
    filename: "schedule.xml",
    text: () => "<schedule><conference></schedule>",
    message: /^The file is not well-formed XML: Expected closing tag 'conference'.*\(line 1, column \d+\)\.$/,
  },
  {
    name: "the wrong root element",
    filename: "schedule.xml",
    text: () => "<agenda><talk/></agenda>",
    message: "The XML root element is <agenda>, but a frab schedule starts with <schedule>.",
  },
  {
    name: "an XML entity declaration",
    filename: "schedule.xml",
    text: () => '<!DOCTYPE s [<!ENTITY a "aaaa">]><schedule/>',
    message: /^The XML declares entities/,
  },
  {
    name: "text that is not JSON",
    filename: "schedule.json",
    text: () => "{ nope",
    message: /^The file is not valid JSON: /,
  },
  {
    name: "JSON without a schedule",
    filename: "schedule.json",
    text: () => '{"talks": []}',
    message: 'The JSON has no top-level "schedule" object, so it is not a pretalx / c3voc schedule.',
  },
  {
    name: "JSON of the wrong shape",
    filename: "schedule.json",
    text: () => '{"schedule": {"conference": {"title": "X"}}}',
    message:
      "The JSON is not a pretalx / c3voc schedule: at schedule.conference.days, expected array, received undefined.",
  },
  {
    name: "an unknown format",
    filename: "agenda.txt",
    text: () => "hello",
    message:
      "Cannot tell the format of 'agenda.txt': expected frab schedule XML (.xml), pretalx schedule JSON (.json) or CSV (.csv).",
  },
  {
    name: "an oversize file",
    filename: "schedule.xml",
    text: () => `<schedule>${" ".repeat(10 * 1024 * 1024)}</schedule>`,
    message: "The file is 10,485,781 bytes, over the limit of 10,485,760 bytes (10 MB) for an agenda.",
  },
  { name: "an empty file", filename: "schedule.xml", text: () => "  \n", message: "The file is empty." },
  {
    name: "a missing start",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-2-3", { start: "" })),
    message: /^Talk 'EKS at scale #22' \(day 2024-05-16, room 'Room 302', event 'talk-1-2-3'\) has no start time\.$/,
  },
  {
    name: "an invalid start",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-2-3", { start: "25:10" })),
    message: /has an invalid start time '25:10'; expected HH:MM or an ISO date-time\.$/,
  },
  {
    name: "a missing duration",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-1", { duration: "" })),
    message: /event 'talk-1-1-1'\) has no duration\.$/,
  },
  {
    name: "an invalid duration",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-1", { duration: "forty" })),
    message: /has an invalid duration 'forty'; expected HH:MM\.$/,
  },
  {
    name: "a zero duration",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-1", { duration: "00:00" })),
    message: /ends at 10:30, which is not after its start at 10:30\.$/,
  },
  {
    name: "an end before the start",
    filename: "agenda.csv",
    text: () => "date,start,end,track,room,title,speakers,abstract\n2024-05-16,14:00,13:00,Track 1,,Backwards,,\n",
    message: "Talk 'Backwards' (row 2) ends at 13:00, which is not after its start at 14:00.",
  },
  {
    name: "duplicate guids",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-2-1", { guid: "talk-1-1-1" })),
    message:
      /has the guid 'talk-1-1-1', which talk '.+' \(day 2024-05-16, room 'Room 301', event 'talk-1-1-1'\) already uses; guids must be unique\.$/,
  },
  {
    name: "an empty title",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-2", { title: "  " })),
    message: "A talk (day 2024-05-16, room 'Room 301', event 'talk-1-1-2') has an empty title.",
  },
  {
    name: "a title that is only markup",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-2", { title: "<script>alert(1)</script>" })),
    message: "A talk (day 2024-05-16, room 'Room 301', event 'talk-1-1-2') has an empty title.",
  },
  {
    name: "a too-long title",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-2", { title: "가".repeat(301) })),
    message: /has a title of 301 characters; the limit is 300\.$/,
  },
  {
    name: "a too-long speaker name",
    filename: "schedule.xml",
    text: () => smallFrab(setTalk("talk-1-1-2", { persons: ["x".repeat(201)] })),
    message: /has a speaker name of 201 characters; the limit is 200\.$/,
  },
  {
    name: "overlapping talks in one track",
    filename: "schedule.xml",
    text: () =>
      smallFrab((talks) => [
        ...talks.filter((t) => t.track !== "Track 3"),
        {
          ...talks.find((t) => t.track === "Track 3")!,
          guid: "t3-a",
          title: "Lambda deep dive",
          start: "13:00",
          duration: "00:40",
        },
        {
          ...talks.find((t) => t.track === "Track 3")!,
          guid: "t3-b",
          title: "Serverless at scale",
          start: "13:20",
          duration: "00:40",
        },
      ]),
    message: "Talk 'Serverless at scale' 13:20–14:00 overlaps 'Lambda deep dive' 13:00–13:40 in Track 3 on 2024-05-16.",
  },
  {
    name: "an unknown time zone",
    filename: "schedule.xml",
    text: () => smallFrab((t) => t, { timeZone: "Mars/Olympus_Mons" }),
    message: "The file names the time zone 'Mars/Olympus_Mons', which is not a known IANA time zone.",
  },
  {
    name: "a schedule without talks",
    filename: "schedule.xml",
    text: () => smallFrab(() => []),
    message: "The file contains no talks.",
  },
];

/** What an import → export → import round trip must keep: days, tracks and each talk's times, title, guid, speakers. */
export function agendaEssentials(agenda: Pick<AgendaPlan, "days" | "tracks" | "talks">, { withColours = true } = {}) {
  return {
    days: agenda.days.map((d) => d.date),
    tracks: agenda.tracks.map(({ colour, ...t }) => ({
      name: t.name,
      room: t.room,
      position: t.position,
      ...(withColours && colour ? { colour } : {}),
    })),
    talks: [...agenda.talks]
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.guid ?? "").localeCompare(b.guid ?? ""))
      .map((t) => ({
        guid: t.guid,
        title: t.title,
        abstract: t.abstract,
        startsAt: t.startsAt.toISOString(),
        endsAt: t.endsAt.toISOString(),
        day: t.day,
        track: t.track,
        speakers: t.speakers,
      })),
  };
}

/**
 * What import → export → import must keep of a stored agenda: days, tracks (with colours) and each
 * talk's times, title, abstract, speakers, level and guid, the guid as the schedule exports write it
 * (its own UUID, else the UUIDv5 of its non-UUID guid or of its id; see schedule-ids.ts). Levels
 * are not in schedule XML/JSON: a copy made from an export has none (`withLevels: false`).
 */
export function scheduleEssentials(agenda: AgendaSnapshot, { withLevels = true } = {}) {
  const key = eventKey(agenda.event);
  const talks = agenda.talks.map((t) => ({
    guid: talkScheduleGuid(key, t),
    title: t.title,
    abstract: t.abstract,
    startsAt: t.startsAt.toISOString(),
    endsAt: t.endsAt.toISOString(),
    day: t.day,
    track: t.track,
    speakers: t.speakers,
    ...(withLevels ? { level: t.level ?? null } : {}),
  }));
  return {
    days: agenda.days.map((d) => d.date),
    // A room named like its track is how exports write a track without a room (the layout is the same).
    tracks: agenda.tracks.map((t) => ({
      name: t.name,
      room: t.room === t.name ? undefined : t.room,
      position: t.position,
      colour: t.colour,
    })),
    talks: talks.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || (a.guid ?? "").localeCompare(b.guid ?? "")),
  };
}
