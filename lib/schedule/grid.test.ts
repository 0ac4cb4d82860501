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
  it("puts talks of different lengths starting together on one row that ends with the longest", () => {
    const grid = buildAgendaGrid(
      [
        talk("s", "t1", "2024-06-10", "10:30", "11:00"),
        talk("l", "t2", "2024-06-10", "10:30", "11:10"),
        talk("n", "t1", "2024-06-11", "10:30", "11:00"),
      ],
      tz,
    );
    expect(grid.map((d) => d.rows.length)).toEqual([1, 1]);
    expect(grid[0].rows[0].endsAt).toEqual(zonedToUtc("2024-06-10", "11:10", tz));
    expect(
      Object.values(grid[0].rows[0].byTrack)
        .flat()
        .map((t) => t.id)
        .sort(),
    ).toEqual(["l", "s"]);
    expect(grid[1].rows[0].byTrack.t1.map((t) => t.id)).toEqual(["n"]);
  });
  it("finds the live row, else the next", () => {
    const rows = buildAgendaGrid(talks, tz)[0].rows;
    expect(liveRowIndex(rows, zonedToUtc("2016-05-17", "13:10", tz))).toEqual({ index: 1, isLive: true });
    expect(liveRowIndex(rows, zonedToUtc("2016-05-17", "12:30", tz))).toEqual({ index: 1, isLive: false });
    expect(liveRowIndex(rows, zonedToUtc("2016-05-17", "18:00", tz))).toBeNull();
  });
});
