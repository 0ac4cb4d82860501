import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { AgendaSnapshotTalk } from "../agenda/plan";
import { talksToIcs } from "./ics";

describe("talksToIcs", () => {
  it("produces a calendar that a parser reads back with the same talks and instants", () => {
    const ics = talksToIcs(
      [
        {
          id: "t1",
          title: "Lambda를 활용한 서버없는 아키텍쳐",
          startsAt: new Date("2016-05-17T04:50:00Z"),
          endsAt: new Date("2016-05-17T05:30:00Z"),
          location: "Room 301",
          speakers: ["김기완"],
        },
        {
          id: "t2",
          title: "DynamoDB, deep dive; with commas",
          startsAt: new Date("2016-05-17T06:40:00Z"),
          endsAt: new Date("2016-05-17T07:10:00Z"),
        },
      ],
      { name: "My agenda" },
    );
    const comp = new ICAL.Component(ICAL.parse(ics));
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      "Lambda를 활용한 서버없는 아키텍쳐",
      "DynamoDB, deep dive; with commas",
    ]);
    expect(events[0].startDate.toJSDate().toISOString()).toBe("2016-05-17T04:50:00.000Z");
    expect(events[0].endDate.toJSDate().toISOString()).toBe("2016-05-17T05:30:00.000Z");
    expect(events[0].location).toBe("Room 301");
    expect(events[1].uid).toBe("t2@summit-notes");
  });

  it("gives a talk whose time is unknown a whole day, never its placeholder time", () => {
    const ics = talksToIcs(
      [
        {
          id: "t3",
          title: "세션 1",
          startsAt: new Date("2017-06-08T00:00:00Z"),
          endsAt: new Date("2017-06-08T00:40:00Z"),
          timeUnknown: true,
          timeZone: "Asia/Seoul",
        },
      ],
      { name: "My agenda" },
    );
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2017-06-08");
    expect(ics).not.toMatch(/DTSTART[^\n]*T\d{6}/);
  });
});

describe("one UID per talk", () => {
  it("a stored talk has the same UID in the agenda export and in a personal calendar", async () => {
    const { exportIcs } = await import("../agenda/export");
    const talk: AgendaSnapshotTalk = {
      id: "clx1",
      guid: "6f0f4c1e-6d2a-4c1a-9a7e-0e3c2b1a0f00",
      title: "DynamoDB deep dive",
      abstract: "",
      startsAt: new Date("2016-05-17T04:50:00Z"),
      endsAt: new Date("2016-05-17T05:30:00Z"),
      day: "2016-05-17",
      speakers: [],
      track: "Track 1",
    };
    const uidsOf = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    const fromAgenda = uidsOf(exportIcs([talk], { name: "Agenda" }));
    const fromFeed = uidsOf(
      talksToIcs(
        [{ id: talk.id, title: talk.title, startsAt: talk.startsAt, endsAt: talk.endsAt, eventName: "AWS Summit" }],
        { name: "My agenda" },
      ),
    );
    expect(fromAgenda).toEqual(["clx1@summit-notes"]);
    expect(fromFeed).toEqual(fromAgenda);
  });
});
