import { describe, expect, it } from "vitest";
import { agendaErrors } from "./plan";
import { parsePretalxJson } from "./pretalx-json";
import { PRETALX_SCHEDULE } from "./test-fixtures";

describe("parsePretalxJson", () => {
  const plan = parsePretalxJson(JSON.stringify(PRETALX_SCHEDULE));

  it("reads the event, days, tracks (ordered by the room list, with colours) and talks", () => {
    expect(plan.problems).toEqual([]);
    expect(plan.event).toMatchObject({
      name: "DemoCon 2024",
      slug: "democon",
      timeZone: "Europe/Berlin",
      startDate: "2024-10-26",
      endDate: "2024-10-27",
    });
    expect(plan.days).toEqual([{ date: "2024-10-26" }, { date: "2024-10-27" }]);
    expect(plan.tracks).toEqual([
      { name: "Security", room: "Gray Room", colour: "#aa0000", position: 0 },
      { name: "Web", room: "Tan Room", colour: "#00aa00", position: 1 },
    ]);
    expect(plan.talks.map((t) => [t.guid, t.track, t.startsAt.toISOString(), t.endsAt.toISOString()])).toEqual([
      ["g-0", null, "2024-10-26T07:00:00.000Z", "2024-10-26T07:45:00.000Z"],
      ["g-1", "Security", "2024-10-26T08:00:00.000Z", "2024-10-26T08:30:00.000Z"],
      ["g-2", "Web", "2024-10-26T08:00:00.000Z", "2024-10-26T08:30:00.000Z"],
      ["g-3", "Security", "2024-10-27T09:00:00.000Z", "2024-10-27T10:00:00.000Z"],
      ["g-4", "Web", "2024-10-27T09:00:00.000Z", "2024-10-27T09:30:00.000Z"],
    ]);
  });

  it("reads persons in both shapes and falls back to the description for an empty abstract", () => {
    expect(plan.talks[1]).toMatchObject({
      speakers: ["Kimberly Griffin", "Holly Noble"],
      abstract: "STRIDE in practice",
      day: "2024-10-26",
    });
    expect(plan.talks[0].speakers).toEqual(["Jordan Parks"]);
  });

  it("accepts start as an ISO date-time without a `date` field", () => {
    expect(plan.talks.find((t) => t.guid === "g-3")).toMatchObject({ day: "2024-10-27", title: "Fuzzing" });
  });

  it("accepts an empty day whose rooms are written as [] (PHP exporters)", () => {
    const withEmptyDay = structuredClone(PRETALX_SCHEDULE) as {
      schedule: { conference: { end: string; days: unknown[] } };
    };
    withEmptyDay.schedule.conference.days.push({ index: 3, date: "2024-10-28", rooms: [] });
    withEmptyDay.schedule.conference.end = "2024-10-28";
    const parsed = parsePretalxJson(JSON.stringify(withEmptyDay));
    expect(parsed.problems).toEqual([]);
    expect(parsed.days.map((d) => d.date)).toEqual(["2024-10-26", "2024-10-27", "2024-10-28"]);
  });

  it("reports a talk whose start is neither HH:MM nor ISO", () => {
    const broken = structuredClone(PRETALX_SCHEDULE);
    broken.schedule.conference.days[1].rooms["Tan Room"][0].start = "ten o'clock";
    const errors = agendaErrors(parsePretalxJson(JSON.stringify(broken)));
    expect(errors.map((e) => e.message)).toEqual([
      "Talk 'CSS layers' (schedule.conference.days[1] (2024-10-27), room 'Tan Room', event 'g-4') has an invalid start time 'ten o'clock'; expected HH:MM or an ISO date-time.",
    ]);
  });
});
