import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectAgendaFormat, parseAgenda } from "./detect";
import { agendaErrors, agendaWarnings } from "./plan";
import { parseScheduleV2Json } from "./schedule-v2";
import { PRETALX_SCHEDULE } from "./test-fixtures";
import { SCHEDULE_V2 } from "./test-fixtures-v2";
import { scheduleV2JsonErrors } from "./validators/validate";

const HUB_EXAMPLE = readFileSync(path.join(import.meta.dirname, "validators/examples/hub-schedule2.json"), "utf8");
const fixture = JSON.stringify(SCHEDULE_V2);

describe("schedule v2 (hub) import", () => {
  it("the fixtures are valid schedule v2 (schema2.json), like the official example", () => {
    expect(scheduleV2JsonErrors(HUB_EXAMPLE)).toEqual([]);
    expect(scheduleV2JsonErrors(fixture)).toEqual([]);
  });

  it("is told apart from schedule JSON v1, by extension and without one", () => {
    expect(detectAgendaFormat("schedule.json", fixture)).toBe("schedule-v2-json");
    expect(detectAgendaFormat("upload", HUB_EXAMPLE)).toBe("schedule-v2-json");
    expect(detectAgendaFormat("schedule.json", JSON.stringify(PRETALX_SCHEDULE))).toBe("pretalx-json");
    // A title that mentions "events": [ is text, not a key.
    const v1 = JSON.stringify({ ...PRETALX_SCHEDULE, note: '"events": [' });
    expect(detectAgendaFormat("schedule.json", v1)).toBe("pretalx-json");
  });

  it("reads the official 38C3 example: rooms by guid, the track by slug, the night talk on its day", () => {
    // Each of its two tracks stays in one room, so the tracks are the columns (with that room).
    const plan = parseAgenda("hub-schedule2.json", HUB_EXAMPLE);
    expect(plan.format).toBe("schedule-v2-json");
    expect(agendaErrors(plan)).toEqual([]);
    expect(plan.event).toMatchObject({
      name: "38C3",
      slug: "38c3",
      timeZone: "Europe/Berlin",
      startDate: "2024-12-27",
      endDate: "2024-12-30",
    });
    expect(plan.days.map((d) => d.date)).toEqual(["2024-12-27", "2024-12-28", "2024-12-29", "2024-12-30"]);
    expect(
      plan.talks.map((t) => [
        t.guid,
        t.slug,
        t.title,
        t.day,
        t.startsAt.toISOString(),
        t.endsAt.toISOString(),
        t.track,
        t.speakers,
      ]),
    ).toEqual([
      [
        "270fa44c-821a-577f-8ca3-33e8d4a8c2a7",
        "38c3-opening-ceremony",
        "38C3: Opening Ceremony",
        "2024-12-27",
        "2024-12-27T09:30:00.000Z",
        "2024-12-27T10:00:00.000Z",
        "CCC",
        ["Gabriela Bogk", "Aline Blankertz", "Senficon"],
      ],
      // 00:15 on the 28th is still the night of the 27th: that day runs until 06:00.
      [
        "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8",
        "38c3-a-competitive-time-trial-ai-for-need-for-speed",
        "A Competitive Time-Trial AI for Need for Speed:",
        "2024-12-27",
        "2024-12-27T23:15:00.000Z",
        "2024-12-27T23:55:00.000Z",
        "Hardware & Making",
        ["Sebastian Schwarz"],
      ],
    ]);
    expect(plan.tracks.map((t) => [t.name, t.room, t.colour])).toEqual([
      ["CCC", "Saal 1", "#f2f006"],
      ["Hardware & Making", "Saal ZIGZAG", "#685b9d"],
    ]);
    expect(plan.talks[0].abstract).toBe(
      "Glad you could make it! Take a seat and buckle up for a ride through four days of chaotic adventures.",
    );
  });

  it("reads the fixture: localized abstracts, description as fallback, breaks skipped, topic tracks → room columns", () => {
    const plan = parseScheduleV2Json(fixture);
    expect(agendaErrors(plan)).toEqual([]);
    expect(agendaWarnings(plan).map((w) => w.message)).toEqual([
      "1 entry is a break or meta entry (type BREAK/META), not talks, and was not imported.",
      "Track 'CCC' has talks in several rooms ('Saal 1', 'Stage HUFF'), so the rooms are used as the agenda's columns and the topic tracks are not kept.",
    ]);
    expect(plan.tracks.map((t) => [t.name, t.room, t.position])).toEqual([
      ["Saal 1", "Saal 1", 0],
      ["Saal GLITCH", "Saal GLITCH", 1],
      ["Stage HUFF", "Stage HUFF", 2],
    ]);
    const byTitle = new Map(plan.talks.map((t) => [t.title, t]));
    expect(plan.talks).toHaveLength(6);
    expect(byTitle.get("Opening Ceremony")!.abstract).toBe("Glad you could make it!");
    expect(byTitle.get("Closing")!.abstract).toBe("Tschüss."); // the talk's own language
    expect(byTitle.get("Fuzzing basebands")).toMatchObject({
      abstract: "From firmware dumps to crashes.",
      track: "Stage HUFF",
      speakers: ["Kim Minsu"],
    });
    expect(byTitle.get("Soldering at midnight")).toMatchObject({
      day: "2024-12-27",
      startsAt: new Date("2024-12-27T23:15:00Z"),
    });
    expect(byTitle.get("Secure boot, broken")!.speakers).toEqual(["Jane Doe", "정하늘"]);
  });

  it("refuses what is not a v2 schedule, or a talk without times or longer than an export can write, naming where", () => {
    expect(
      agendaErrors(parseScheduleV2Json('{"schedule": {"conference": {"title": "X"}}}')).map((p) => p.message),
    ).toEqual(["The JSON is not a schedule v2 (hub) file: at schedule.events, expected array, received undefined."]);
    expect(agendaErrors(parseScheduleV2Json("{ nope"))[0].message).toMatch(/^The file is not valid JSON: /);
    const broken = structuredClone(SCHEDULE_V2);
    delete (broken.schedule.events[1] as { end?: string }).end;
    (broken.schedule.events[2] as { end: string }).end = "half past";
    (broken.schedule.events[4] as { end: string }).end = "2024-12-31T18:00:00+01:00"; // four days long
    expect(agendaErrors(parseScheduleV2Json(JSON.stringify(broken))).map((p) => p.message)).toEqual([
      "Talk 'A Competitive Time-Trial AI' (schedule.events[1] ('b1740c2f-0c44-5f1b-89ed-456a9eecf0b8')) has no duration.",
      "Talk 'Fuzzing basebands' (schedule.events[2] ('5b1f4d38-8f5a-4a3e-9d7e-2f0b6a1c9e01')) has an invalid end time 'half past'; expected HH:MM or an ISO date-time.",
      "Talk 'Secure boot, broken' (schedule.events[4] ('c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f')) lasts 101 hours; a talk can last at most 99:59 (what schedule files can express).",
    ]);
  });

  it("warns about a room guid the conference does not list and reads an ISO duration", () => {
    const odd = structuredClone(SCHEDULE_V2);
    odd.schedule.events[2] = { ...odd.schedule.events[2], room: { guid: "00000000-0000-4000-8000-000000000000" } };
    const second = odd.schedule.events[1] as Record<string, unknown>;
    delete second.end;
    second.duration = "PT1H30M";
    const plan = parseScheduleV2Json(JSON.stringify(odd));
    expect(agendaErrors(plan)).toEqual([]);
    expect(agendaWarnings(plan).map((w) => w.message)).toContain(
      "The event at schedule.events[2] ('5b1f4d38-8f5a-4a3e-9d7e-2f0b6a1c9e01') names the room '00000000-0000-4000-8000-000000000000', which schedule.conference.rooms does not list; it is read as a plenary.",
    );
    const talk = plan.talks.find((t) => t.title === "A Competitive Time-Trial AI")!;
    expect(talk.endsAt.getTime() - talk.startsAt.getTime()).toBe(90 * 60_000);
  });

  it("drops __proto__/constructor keys while reading and refuses absurd nesting with a reason", () => {
    const clean = parseScheduleV2Json(fixture);
    const hostile = fixture
      .replace('"conference":{', '"conference":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},')
      .replace('"events":[{', '"events":[{"__proto__":{"guid":"evil"},');
    expect(hostile).toContain('"__proto__":{"guid":"evil"}');
    const plan = parseScheduleV2Json(hostile);
    expect(plan.talks.map((t) => t.guid)).toEqual(clean.talks.map((t) => t.guid));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = `{"schedule":{"conference":{"title":"x"},"events":[${"[".repeat(200_000)}${"]".repeat(200_000)}]}}`;
    const refused = parseAgenda("deep.json", deep);
    expect(refused.format).toBe("schedule-v2-json");
    expect(agendaErrors(refused)).toHaveLength(1);
    expect(refused.talks).toEqual([]);
  });
});
