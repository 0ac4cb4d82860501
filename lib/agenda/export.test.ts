import { readFileSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { parseAgendaCsv } from "./csv";
import { parseAgenda } from "./detect";
import { exportFrabXml, exportIcs, exportPretalxJson } from "./export";
import { parseFrabXml } from "./frab-xml";
import type { AgendaPlan, AgendaSnapshot } from "./plan";
import { parsePretalxJson } from "./pretalx-json";
import { eventKey, isUuid, talkScheduleGuid } from "./schedule-ids";
import { parseScheduleV2Json } from "./schedule-v2";
import { generateFrabXml, PRETALX_SCHEDULE } from "./test-fixtures";
import { SCHEDULE_V2 } from "./test-fixtures-v2";
import { scheduleJsonErrors, scheduleXmlErrors } from "./validators/validate";

const BASE = { baseUrl: "https://notes.example.com" };
const snapshotOf = (plan: AgendaPlan | AgendaSnapshot): AgendaSnapshot => ({
  event: plan.event,
  days: plan.days,
  tracks: plan.tracks,
  talks: plan.talks,
});

/**
 * What a round trip must keep: days, tracks and each talk's times, title, speakers and guid, the
 * guid as exports write it (a non-UUID guid such as "keynote-1" goes out as its UUIDv5).
 */
function essentials(plan: AgendaSnapshot, { withColours = true } = {}) {
  const key = eventKey(plan.event);
  return {
    event: {
      name: plan.event.name,
      slug: plan.event.slug,
      timeZone: plan.event.timeZone,
      startDate: plan.event.startDate,
      endDate: plan.event.endDate,
    },
    days: plan.days,
    tracks: plan.tracks.map(({ colour, ...t }) => (withColours && colour ? { ...t, colour } : t)),
    talks: plan.talks.map((t) => ({
      guid: talkScheduleGuid(key, t),
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

const frab = parseFrabXml(generateFrabXml());
const pretalx = parsePretalxJson(JSON.stringify(PRETALX_SCHEDULE));
const hub = parseScheduleV2Json(JSON.stringify(SCHEDULE_V2));

describe("export → parse round trips", () => {
  it("frab XML gives back the same agenda (111 talks, DST included)", () => {
    const xml = exportFrabXml(snapshotOf(frab), BASE);
    const back = parseFrabXml(xml);
    expect(back.problems).toEqual([]);
    expect(essentials(back)).toEqual(essentials(frab));
    expect(back.talks).toHaveLength(111);
  });

  it("schedule JSON gives back the same agenda, colours included (frab, pretalx and v2 sources)", () => {
    for (const plan of [frab, pretalx, hub]) {
      const back = parsePretalxJson(exportPretalxJson(snapshotOf(plan), BASE));
      expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(essentials(back)).toEqual(essentials(plan));
    }
  });

  it("XML → JSON → XML keeps the pretalx agenda, colours too (<conference><track color>)", () => {
    const back = parseFrabXml(
      exportFrabXml(snapshotOf(parsePretalxJson(exportPretalxJson(snapshotOf(pretalx), BASE))), BASE),
    );
    expect(back.problems).toEqual([]);
    expect(essentials(back)).toEqual(essentials(pretalx));
  });

  it("gives talks without a guid a unique UUID that the next export repeats", () => {
    const csv = parseAgendaCsv(
      "date,start,end,track,room,title\n2024-05-16,10:00,10:40,T1,R1,A\n2024-05-16,10:00,10:40,T2,R2,B\n",
      { eventName: "Meetup 2024" },
    );
    const back = parseFrabXml(exportFrabXml(snapshotOf(csv), BASE));
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    const guids = back.talks.map((t) => t.guid!);
    expect(guids.every(isUuid)).toBe(true);
    expect(new Set(guids).size).toBe(2);
    expect(exportFrabXml(snapshotOf(csv), BASE)).toBe(exportFrabXml(snapshotOf(csv), BASE));
    expect(exportPretalxJson(snapshotOf(csv), BASE)).toBe(exportPretalxJson(snapshotOf(csv), BASE));
  });

  it("escapes text, so stored markup can never become markup in the file", () => {
    const agenda = snapshotOf(frab);
    agenda.talks = agenda.talks.map((t, i) =>
      i === 1 ? { ...t, title: `<script>alert("x")</script> & "quotes"` } : t,
    );
    const xml = exportFrabXml(agenda, BASE);
    expect(xml).not.toContain("<script");
    expect(xml).toContain("&lt;script&gt;");
    expect(scheduleXmlErrors(xml)).toEqual([]);
    expect(
      JSON.parse(exportPretalxJson(agenda, BASE)).schedule.conference.days[0].rooms["Grand Ballroom"],
    ).toHaveLength(1);
  });
});

/** An agenda as the database holds one made in Summit Notes: talk ids, no guids or slugs. */
function handMade(slug: string, timeZone = "Asia/Seoul"): AgendaSnapshot {
  const csv = parseAgendaCsv(
    "date,start,end,track,room,title,speakers\n" +
      "2016-05-17,09:00,10:00,,,기조 연설,염동훈;Werner Vogels\n" +
      "2016-05-17,13:00,13:40,Track 1,Room 101,Lambda 딥 다이브,김민수\n" +
      "2016-05-17,13:00,13:40,Track 2,Room 102,Aurora internals,Jane Doe\n" +
      "2016-05-17,14:00,14:40,Track 1,Room 101,서버리스 실전,김민수;이서연\n",
    { eventName: "AWS Summit Seoul 2016", timeZone },
  );
  const agenda = snapshotOf(csv);
  return {
    ...agenda,
    event: { ...agenda.event, slug, venue: "COEX" },
    talks: agenda.talks.map((t, i) => ({ ...t, id: `c${i}talkid${slug}` })),
  };
}

describe("the c3voc validators accept every export", () => {
  const sources: [string, AgendaSnapshot][] = [
    ["frab XML (pretalx-made, non-UUID guids)", snapshotOf(frab)],
    ["pretalx JSON", snapshotOf(pretalx)],
    ["schedule v2 (hub fixture)", snapshotOf(hub)],
    ["schedule v2 (official 38C3 example)", snapshotOf(parseAgenda("hub.json", readHubExample()))],
    [
      "CSV (no guids, no event slug)",
      snapshotOf(
        parseAgendaCsv("date,start,end,track,room,title\n2024-05-16,10:00,10:40,T1,R1,A\n", { eventName: "Meetup" }),
      ),
    ],
    ["made in Summit Notes (ids, Korean titles, a venue)", handMade("aws-summit-seoul-2016")],
    ["a two-letter slug", handMade("ab")],
    ["a zone the JSON schema's pattern refuses (Etc/GMT-9)", handMade("gmt-event", "Etc/GMT-9")],
    ["an empty day", { ...snapshotOf(pretalx), days: [...pretalx.days, { date: "2024-10-28" }] }],
    ["an event with no talks yet", { ...handMade("new-event"), days: [], talks: [] }],
  ];
  for (const [name, agenda] of sources) {
    it(`${name}: XML passes schedule.xml.xsd, JSON passes schema.json`, () => {
      expect(scheduleXmlErrors(exportFrabXml(agenda, BASE))).toEqual([]);
      expect(scheduleJsonErrors(exportPretalxJson(agenda, BASE))).toEqual([]);
    });
  }

  it("leaves out characters XML cannot carry (control characters kept by an import), so the file stays well-formed", () => {
    const agenda = handMade("controls");
    agenda.talks = agenda.talks.map((t, i) =>
      i === 1
        ? { ...t, title: "A\u0001B\uFFFEC\uD800D", abstract: "x\u0000y\n\tz", speakers: ["Kim\u001b", "Lee\uDC00"] }
        : t,
    );
    agenda.tracks = agenda.tracks.map((t) => ({ ...t, room: `${t.room}\u0002\uD800` })); // a lone surrogate once made the room's UUIDv5 throw
    const xml = exportFrabXml(agenda, BASE);
    expect(scheduleXmlErrors(xml)).toEqual([]);
    expect(parseFrabXml(xml).talks.find((t) => t.title === "ABCD")).toMatchObject({
      abstract: "xy\n\tz",
      speakers: ["Kim", "Lee"],
    });
    expect(scheduleJsonErrors(exportPretalxJson(agenda, BASE))).toEqual([]); // JSON escapes them
  });

  it("keeps an imported talk's own UUID guid and slug, and writes persons, room guids and urls", () => {
    const json = JSON.parse(exportPretalxJson(snapshotOf(hub), BASE));
    const conference = json.schedule.conference;
    expect(conference.acronym).toBe("hubcon24");
    expect(conference.url).toBe("https://notes.example.com/events/hubcon24");
    expect(conference.rooms.every((r: { guid: string }) => isUuid(r.guid))).toBe(true);
    const opening = conference.days[0].rooms["Saal 1"][0];
    expect(opening).toMatchObject({
      guid: "270fa44c-821a-577f-8ca3-33e8d4a8c2a7",
      slug: "hubcon24-opening-ceremony",
      url: "https://notes.example.com/events/hubcon24#270fa44c-821a-577f-8ca3-33e8d4a8c2a7",
    });
    expect(opening.persons[0]).toEqual({
      id: expect.any(Number),
      guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      public_name: "Gabriela Bogk",
    });
    const xml = exportFrabXml(snapshotOf(hub), BASE);
    expect(xml).toContain('<event guid="270fa44c-821a-577f-8ca3-33e8d4a8c2a7"');
    expect(xml).toContain("<slug>hubcon24-opening-ceremony</slug>");
  });

  it("makes the acronym and slugs from the event slug; importing the file gives back that slug", () => {
    const agenda = handMade("aws-summit-seoul-2016");
    const json = JSON.parse(exportPretalxJson(agenda, BASE));
    expect(json.schedule.conference.acronym).toBe("aws_summit_seoul_2016");
    expect(json.schedule.conference).not.toHaveProperty("venue");
    const lambda = json.schedule.conference.days[0].rooms["Room 101"][0];
    expect(lambda.slug).toMatch(/^aws_summit_seoul_2016-\d+-lambda$/);
    expect(lambda.url).toBe(
      "https://notes.example.com/events/aws-summit-seoul-2016/talks/c1talkidaws-summit-seoul-2016",
    );
    const keynote = json.schedule.conference.days[0].rooms.Plenary[0];
    expect(keynote.slug).toMatch(/^aws_summit_seoul_2016-\d+-talk$/); // a Korean title has no ASCII slug
    expect(parsePretalxJson(JSON.stringify(json)).event.slug).toBe("aws-summit-seoul-2016");
    expect(parseFrabXml(exportFrabXml(agenda, BASE)).event.slug).toBe("aws-summit-seoul-2016");
  });

  it("a talk keeps its guid, id and slug when the agenda around it changes", () => {
    const agenda = handMade("summit-2016");
    const talksOf = (a: AgendaSnapshot) =>
      Object.values(
        JSON.parse(exportPretalxJson(a, BASE)).schedule.conference.days[0].rooms as Record<
          string,
          { title: string; guid: string; id: number; slug: string }[]
        >,
      )
        .flat()
        .map(({ title, guid, id, slug }) => ({ title, guid, id, slug }));
    const before = talksOf(agenda);
    const extra = {
      ...agenda.talks[1],
      id: "new-talk",
      title: "New talk",
      startsAt: new Date("2016-05-17T06:00:00Z"),
      endsAt: new Date("2016-05-17T06:40:00Z"),
    };
    const after = talksOf({ ...agenda, talks: [extra, ...agenda.talks.slice().reverse()] });
    for (const talk of before) expect(after).toContainEqual(talk);
  });
});

function readHubExample(): string {
  return readFileSync(path.join(import.meta.dirname, "validators/examples/hub-schedule2.json"), "utf8");
}

describe("exportIcs", () => {
  const plan = parseFrabXml(generateFrabXml());

  it("writes one VEVENT per talk that ical.js reads back at the same instants", () => {
    const ics = exportIcs(snapshotOf(plan), { name: plan.event.name, now: new Date("2024-01-01T00:00:00Z") });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("AWS Summit Berlin 2024");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(111);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    for (const talk of plan.talks) {
      const event = byUid.get(talk.guid!)!;
      expect(event.summary).toBe(talk.title);
      expect(event.startDate.toJSDate().toISOString()).toBe(talk.startsAt.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(talk.endsAt.toISOString());
    }
    const keynote = byUid.get("keynote-1")!;
    expect(keynote.summary).toBe("기조 연설: The road ahead");
    expect(keynote.description).toBe("Speakers: 염동훈, Werner Vogels\n\nOpening keynote.");
    expect(keynote.location).toBe("Grand Ballroom");
    expect(byUid.get("talk-2-1-1")!.location).toBe("Room 301");
  });

  it("exports a chosen list of talks (a personal agenda)", () => {
    const ics = exportIcs(plan.talks.slice(0, 2), { name: "My agenda" });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events.map((v) => new ICAL.Event(v).uid)).toEqual([plan.talks[0].guid, plan.talks[1].guid]);
  });
});

describe("talks without a known time (from a write-up)", () => {
  it("are left out of frab XML and schedule JSON (no invented time), and are all-day entries in iCalendar", () => {
    const csv =
      "date,start,end,track,room,title,speakers,abstract\n2016-05-17,10:00,10:40,Track 1,,Timed talk,,\n2016-05-17,11:00,11:40,Track 1,,Untimed talk,,\n";
    const plan = parseAgendaCsv(csv, { eventName: "Write-up event", timeZone: "Asia/Seoul" });
    const snapshot = snapshotOf(plan);
    snapshot.talks = snapshot.talks.map((t) =>
      t.title === "Untimed talk" ? { ...t, id: "untimed", timeUnknown: true } : t,
    );
    const xml = exportFrabXml(snapshot, { baseUrl: "https://summit.example" });
    const json = exportPretalxJson(snapshot, { baseUrl: "https://summit.example" });
    expect(xml).toContain("Timed talk");
    expect(xml).not.toContain("Untimed talk");
    expect(json).not.toContain("Untimed talk");
    expect(scheduleXmlErrors(xml)).toEqual([]);
    const events = new ICAL.Component(ICAL.parse(exportIcs(snapshot, { name: "x" })))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    const untimed = events.find((e) => e.summary === "Untimed talk")!;
    expect(untimed.startDate.isDate).toBe(true);
    expect(untimed.startDate.toString()).toBe("2016-05-17");
  });
});
