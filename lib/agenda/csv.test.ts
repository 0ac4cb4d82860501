import { describe, expect, it } from "vitest";
import { parseAgendaCsv } from "./csv";
import { agendaErrors, agendaWarnings } from "./plan";

const CSV = `date,start,end,track,room,title,speakers,abstract
2016-05-17,10:00,12:00,,,환영사 및 기조 연설,"염동훈; Mike Clayville",Opening
2016-05-17,13:00,13:40,Track 1,Room 301,Lambda deep dive,"Kim, Minsu",Functions at scale
2016-05-17,13:00,13:40,,Room 302,Aurora internals,"Lee; Park",
2016-05-17,14:00,14:40,Track 1,Room 301,"Serverless, ""for real""",Doe,"Line one
line two"
`;

describe("parseAgendaCsv", () => {
  it("reads rows into talks in the caller's zone (default Asia/Seoul)", () => {
    const plan = parseAgendaCsv(CSV, { eventName: "AWS Summit Seoul 2016" });
    expect(plan.problems).toEqual([
      {
        severity: "warning",
        message:
          "The file names no time zone, so its times are read as Asia/Seoul; give the event's time zone if that is wrong.",
      },
    ]);
    expect(plan.event).toMatchObject({
      name: "AWS Summit Seoul 2016",
      timeZone: "Asia/Seoul",
      startDate: "2016-05-17",
      endDate: "2016-05-17",
    });
    expect(plan.tracks).toEqual([
      { name: "Track 1", room: "Room 301", position: 0 },
      { name: "Room 302", room: "Room 302", position: 1 },
    ]);
    expect(plan.talks.map((t) => [t.title, t.track, t.startsAt.toISOString(), t.speakers])).toEqual([
      ["환영사 및 기조 연설", null, "2016-05-17T01:00:00.000Z", ["염동훈", "Mike Clayville"]],
      ["Lambda deep dive", "Track 1", "2016-05-17T04:00:00.000Z", ["Kim", "Minsu"]],
      ["Aurora internals", "Room 302", "2016-05-17T04:00:00.000Z", ["Lee", "Park"]],
      ['Serverless, "for real"', "Track 1", "2016-05-17T05:00:00.000Z", ["Doe"]],
    ]);
    expect(plan.talks[3].abstract).toBe("Line one\nline two");
  });

  it("names the event after the caller's fallback, or warns that it has none", () => {
    const plan = parseAgendaCsv(CSV, { timeZone: "Asia/Seoul" });
    expect(plan.event.name).toBe("Imported agenda");
    expect(agendaWarnings(plan).map((p) => p.message)).toEqual([
      "The file names no event, so it is called 'Imported agenda'; rename it after the import.",
    ]);
  });

  it("refuses a header without the required columns", () => {
    const plan = parseAgendaCsv("when,what\n2016-05-17,Lambda\n");
    expect(agendaErrors(plan).map((p) => p.message)).toEqual([
      "The CSV header is missing the column(s) date, start, end, title; its first line must be date,start,end,track,room,title,speakers,abstract.",
    ]);
  });

  it("reports an end before the start, with the row", () => {
    const plan = parseAgendaCsv(
      "date,start,end,track,room,title,speakers,abstract\n2016-05-17,14:00,13:20,Track 1,,Backwards,,\n",
      { eventName: "X" },
    );
    expect(agendaErrors(plan)).toEqual([
      {
        severity: "error",
        message: "Talk 'Backwards' (row 2) ends at 13:20, which is not after its start at 14:00.",
        where: "row 2",
      },
    ]);
  });

  it("reads times in another zone when asked", () => {
    const plan = parseAgendaCsv(CSV, { timeZone: "America/New_York", eventName: "X" });
    expect(plan.talks[0].startsAt.toISOString()).toBe("2016-05-17T14:00:00.000Z");
  });
});
