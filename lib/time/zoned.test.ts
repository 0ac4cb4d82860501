import { describe, expect, it } from "vitest";
import {
  formatDateTimeWithZone,
  formatIsoDate,
  formatTime,
  isValidTimeZone,
  minutesIntoTalk,
  zonedToUtc,
} from "./zoned";

describe("zoned time", () => {
  it("converts Seoul wall-clock time to UTC and back", () => {
    const instant = zonedToUtc("2016-05-17", "13:00", "Asia/Seoul");
    expect(instant.toISOString()).toBe("2016-05-17T04:00:00.000Z");
    expect(formatTime(instant, "Asia/Seoul")).toBe("13:00");
    expect(formatIsoDate(instant, "Asia/Seoul")).toBe("2016-05-17");
  });
  it("respects daylight saving time", () => {
    expect(zonedToUtc("2024-03-31", "10:00", "Europe/Berlin").toISOString()).toBe("2024-03-31T08:00:00.000Z");
    expect(zonedToUtc("2024-03-30", "10:00", "Europe/Berlin").toISOString()).toBe("2024-03-30T09:00:00.000Z");
  });
  it("validates time zone names", () => {
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("minutesIntoTalk", () => {
  const start = new Date("2024-05-16T04:00:00Z");
  const end = new Date("2024-05-16T04:40:00Z");
  it("counts whole minutes while the talk runs", () => {
    expect(minutesIntoTalk(start, end, new Date("2024-05-16T04:12:59Z"))).toBe(12);
    expect(minutesIntoTalk(start, end, start)).toBe(0);
  });
  it("is null before the start and from the end on (no [+5541524m])", () => {
    expect(minutesIntoTalk(start, end, new Date("2024-05-16T03:59:00Z"))).toBeNull();
    expect(minutesIntoTalk(start, end, end)).toBeNull();
    expect(minutesIntoTalk(start, end, new Date("2034-11-29T00:00:00Z"))).toBeNull();
  });
});

describe("formatDateTimeWithZone", () => {
  it("writes the date and time in the zone, and the zone", () => {
    expect(formatDateTimeWithZone(new Date("2024-05-16T05:07:00Z"), "Asia/Seoul")).toBe(
      "2024-05-16 14:07 (Asia/Seoul)",
    );
    expect(formatDateTimeWithZone(new Date("2024-05-16T23:30:00Z"), "Asia/Seoul")).toBe(
      "2024-05-17 08:30 (Asia/Seoul)",
    );
  });
});
