import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { parseAgendaCsv } from "./csv";
import { exportFrabXml, exportIcs, exportPretalxJson } from "./export";
import { parseFrabXml } from "./frab-xml";
import type { AgendaPlan, AgendaSnapshot } from "./plan";
import { parsePretalxJson } from "./pretalx-json";
import { generateFrabXml, PRETALX_SCHEDULE } from "./test-fixtures";

const snapshotOf = (plan: AgendaPlan): AgendaSnapshot => ({ event: plan.event, days: plan.days, tracks: plan.tracks, talks: plan.talks });

/** What a round trip must keep: days, tracks and each talk's times, title, guid, speakers. */
function essentials(plan: AgendaPlan, { withColours = true } = {}) {
  return {
    event: { name: plan.event.name, slug: plan.event.slug, timeZone: plan.event.timeZone, startDate: plan.event.startDate, endDate: plan.event.endDate },
    days: plan.days,
    tracks: plan.tracks.map(({ colour, ...t }) => (withColours && colour ? { ...t, colour } : t)),
    talks: plan.talks.map((t) => ({ guid: t.guid, title: t.title, abstract: t.abstract, startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString(), day: t.day, track: t.track, speakers: t.speakers })),
  };
}

describe("export → parse round trips", () => {
  const frab = parseFrabXml(generateFrabXml());
  const pretalx = parsePretalxJson(JSON.stringify(PRETALX_SCHEDULE));

  it("frab XML gives back the same agenda (111 talks, DST included)", () => {
    const xml = exportFrabXml(snapshotOf(frab));
    const back = parseFrabXml(xml);
    expect(back.problems).toEqual([]);
    expect(essentials(back)).toEqual(essentials(frab));
    expect(back.talks).toHaveLength(111);
  });

  it("pretalx JSON gives back the same agenda, colours included", () => {
    for (const plan of [frab, pretalx]) {
      const back = parsePretalxJson(exportPretalxJson(snapshotOf(plan)));
      expect(back.problems).toEqual([]);
      expect(essentials(back)).toEqual(essentials(plan));
    }
  });

  it("XML → JSON → XML keeps the pretalx agenda (XML has no colours)", () => {
    const back = parseFrabXml(exportFrabXml(snapshotOf(parsePretalxJson(exportPretalxJson(snapshotOf(pretalx))))));
    expect(back.problems).toEqual([]);
    expect(essentials(back, { withColours: false })).toEqual(essentials(pretalx, { withColours: false }));
  });

  it("gives talks without a guid a unique, stable one", () => {
    const csv = parseAgendaCsv("date,start,end,track,room,title\n2024-05-16,10:00,10:40,T1,R1,A\n2024-05-16,10:00,10:40,T2,R2,B\n", { eventName: "Meetup 2024" });
    const back = parseFrabXml(exportFrabXml(snapshotOf(csv)));
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(back.talks.map((t) => t.guid)).toEqual(["meetup-2024-talk-1", "meetup-2024-talk-2"]);
    expect(exportFrabXml(snapshotOf(csv))).toBe(exportFrabXml(snapshotOf(csv)));
  });

  it("escapes text, so stored markup can never become markup in the file", () => {
    const agenda = snapshotOf(frab);
    agenda.talks = agenda.talks.map((t, i) => (i === 1 ? { ...t, title: `<script>alert("x")</script> & "quotes"` } : t));
    const xml = exportFrabXml(agenda);
    expect(xml).not.toContain("<script");
    expect(xml).toContain("&lt;script&gt;");
    expect(JSON.parse(exportPretalxJson(agenda)).schedule.conference.days[0].rooms["Grand Ballroom"]).toHaveLength(1);
  });
});

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
