import { describe, expect, it } from "vitest";
import { zonedToUtc } from "../time/zoned";
import { buildAgendaGrid, liveRowIndex } from "./grid";

const tz = "Asia/Seoul";
const talk = (id: string, trackId: string | null, date: string, start: string, end: string) => ({
  id,
  trackId,
  startsAt: zonedToUtc(date, start, tz),
  endsAt: zonedToUtc(date, end, tz),
});

describe("buildAgendaGrid", () => {
  const talks = [
    talk("b", "t2", "2016-05-17", "13:00", "13:40"),
    talk("k", null, "2016-05-17", "10:00", "12:00"),
    talk("a", "t1", "2016-05-17", "13:00", "13:40"),
    talk("c", "t1", "2016-05-18", "09:00", "09:40"),
  ];
  it("groups by local day and slot, with plenaries apart", () => {
    const grid = buildAgendaGrid(talks, tz);
    expect(grid.map((d) => d.date)).toEqual(["2016-05-17", "2016-05-18"]);
    expect(grid[0].rows).toHaveLength(2);
    expect(grid[0].rows[0].plenary.map((t) => t.id)).toEqual(["k"]);
    expect(Object.keys(grid[0].rows[1].byTrack).sort()).toEqual(["t1", "t2"]);
  });
  it("finds the live row, else the next", () => {
    const rows = buildAgendaGrid(talks, tz)[0].rows;
    expect(liveRowIndex(rows, zonedToUtc("2016-05-17", "13:10", tz))).toEqual({ index: 1, isLive: true });
    expect(liveRowIndex(rows, zonedToUtc("2016-05-17", "12:30", tz))).toEqual({ index: 1, isLive: false });
    expect(liveRowIndex(rows, zonedToUtc("2016-05-17", "18:00", tz))).toBeNull();
  });
});
