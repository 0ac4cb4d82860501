import { describe, expect, it } from "vitest";
import { parseFrabXml } from "./frab-xml";
import { agendaErrors, agendaWarnings } from "./plan";
import { fixtureTalks, frabXmlFrom, generateFrabXml } from "./test-fixtures";

describe("parseFrabXml: a realistic 3-day, 6-room schedule", () => {
  const plan = parseFrabXml(generateFrabXml());

  it("reads every day, track and talk with no problems", () => {
    expect(plan.problems).toEqual([]);
    expect(plan.event).toMatchObject({
      name: "AWS Summit Berlin 2024",
      slug: "summit24",
      timeZone: "Europe/Berlin",
      timeZoneFrom: "file",
      startDate: "2024-03-30",
      endDate: "2024-04-01",
    });
    expect(plan.days.map((d) => d.date)).toEqual(["2024-03-30", "2024-03-31", "2024-04-01"]);
    expect(plan.tracks).toEqual(
      [1, 2, 3, 4, 5, 6].map((n, i) => ({ name: `Track ${n}`, room: `Room ${300 + n}`, position: i })),
    );
    expect(plan.talks).toHaveLength(111);
    expect(plan.talks.filter((t) => t.track === null).map((t) => t.guid)).toEqual([
      "keynote-1",
      "keynote-2",
      "keynote-3",
    ]);
    expect(new Set(plan.talks.flatMap((t) => t.speakers))).toEqual(new Set(fixtureTalks().flatMap((t) => t.persons)));
    expect(new Set(plan.talks.flatMap((t) => t.speakers)).size).toBe(11);
  });

  it("converts wall-clock times to UTC across the spring DST change in Berlin", () => {
    const byGuid = new Map(plan.talks.map((t) => [t.guid, t]));
    // 30 March is CET (+01:00); 31 March 02:00 the clocks jump to CEST (+02:00).
    expect(byGuid.get("keynote-1")!.startsAt.toISOString()).toBe("2024-03-30T08:00:00.000Z");
    expect(byGuid.get("talk-1-3-4")!.startsAt.toISOString()).toBe("2024-03-30T12:00:00.000Z");
    expect(byGuid.get("talk-1-3-4")!.endsAt.toISOString()).toBe("2024-03-30T12:40:00.000Z");
    expect(byGuid.get("keynote-2")!.startsAt.toISOString()).toBe("2024-03-31T07:00:00.000Z");
    expect(byGuid.get("talk-2-1-1")!.startsAt.toISOString()).toBe("2024-03-31T08:30:00.000Z");
    expect(byGuid.get("talk-3-6-6")!.startsAt.toISOString()).toBe("2024-04-01T12:40:00.000Z");
  });

  it("trusts frab's ISO date (with its offset) when the file has one", () => {
    const withDates = parseFrabXml(
      generateFrabXml({ offsets: { "2024-03-30": "+01:00", "2024-03-31": "+02:00", "2024-04-01": "+02:00" } }),
    );
    expect(withDates.problems).toEqual([]);
    expect(withDates.talks.map((t) => [t.guid, t.startsAt.toISOString()])).toEqual(
      plan.talks.map((t) => [t.guid, t.startsAt.toISOString()]),
    );
  });

  it("keeps text as plain text: HTML abstracts become text, Korean survives", () => {
    const talk = plan.talks.find((t) => t.guid === "talk-1-1-1")!;
    expect(talk.abstract).toBe("Part 1 of track 1.\nBring & share questions.");
    expect(plan.talks.find((t) => t.guid === "keynote-1")).toMatchObject({
      title: "기조 연설: The road ahead",
      speakers: ["염동훈", "Werner Vogels"],
      day: "2024-03-30",
    });
  });
});

describe("parseFrabXml: time zones", () => {
  it("reads times in Asia/Seoul (UTC+9, no DST)", () => {
    const plan = parseFrabXml(generateFrabXml({ timeZone: "Asia/Seoul", days: ["2024-05-16"] }));
    expect(plan.event.timeZone).toBe("Asia/Seoul");
    expect(plan.talks[0].startsAt.toISOString()).toBe("2024-05-16T00:00:00.000Z"); // keynote 09:00 KST
    expect(plan.talks.find((t) => t.guid === "talk-1-1-1")!.startsAt.toISOString()).toBe("2024-05-16T01:30:00.000Z");
  });

  it("uses the caller's zone when the file names none, and Asia/Seoul by default", () => {
    const xml = generateFrabXml({ timeZone: null, days: ["2024-05-16"] });
    const berlin = parseFrabXml(xml, { timeZone: "Europe/Berlin" });
    expect(berlin.event).toMatchObject({ timeZone: "Europe/Berlin", timeZoneFrom: "caller" });
    expect(berlin.talks[0].startsAt.toISOString()).toBe("2024-05-16T07:00:00.000Z");
    const seoul = parseFrabXml(xml);
    expect(seoul.event).toMatchObject({ timeZone: "Asia/Seoul", timeZoneFrom: "default" });
    expect(seoul.talks[0].startsAt.toISOString()).toBe("2024-05-16T00:00:00.000Z");
  });

  it("prefers the file's zone over the caller's, with a warning", () => {
    const plan = parseFrabXml(generateFrabXml({ days: ["2024-05-16"] }), { timeZone: "Asia/Seoul" });
    expect(plan.event.timeZone).toBe("Europe/Berlin");
    expect(agendaWarnings(plan).map((p) => p.message)).toEqual([
      "The file says its times are in Europe/Berlin; that zone is used rather than Asia/Seoul.",
    ]);
  });

  it("files a talk after midnight under its conference day when the day has a start", () => {
    const xml = `<schedule><conference><title>Night</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
      <day index="1" date="2024-12-27" start="2024-12-27T10:00:00+01:00"><room name="Saal 1">
        <event guid="late"><start>01:30</start><duration>00:30</duration><room>Saal 1</room><title>Late talk</title></event>
      </room></day></schedule>`;
    const plan = parseFrabXml(xml);
    expect(agendaErrors(plan)).toEqual([]);
    expect(plan.talks[0]).toMatchObject({ day: "2024-12-27", startsAt: new Date("2024-12-28T00:30:00Z") });
  });
});

describe("parseFrabXml: columns", () => {
  it("uses rooms as columns when a topic track spans several rooms", () => {
    const talks = fixtureTalks({ days: ["2024-05-16"], rooms: 2 }).map((t) =>
      t.type === "talk" ? { ...t, track: "Security" } : t,
    );
    const plan = parseFrabXml(frabXmlFrom(talks, { days: ["2024-05-16"] }));
    expect(agendaErrors(plan)).toEqual([]);
    expect(plan.tracks.map((t) => t.name)).toEqual(["Room 301", "Room 302"]);
    expect(agendaWarnings(plan)[0].message).toMatch(
      /^Track 'Security' has talks in several rooms \('Room 301', 'Room 302'\)/,
    );
  });

  it("makes rooms the tracks when there is no track", () => {
    const talks = fixtureTalks({ days: ["2024-05-16"], rooms: 3 }).map((t) =>
      t.type === "talk" ? { ...t, track: "" } : t,
    );
    const plan = parseFrabXml(frabXmlFrom(talks, { days: ["2024-05-16"] }));
    expect(plan.tracks).toEqual(
      [0, 1, 2].map((i) => ({ name: `Room ${301 + i}`, room: `Room ${301 + i}`, position: i })),
    );
    expect(plan.talks.filter((t) => t.track === "Room 302")).toHaveLength(6);
  });
});
