import { describe, expect, it } from "vitest";
import { formatDateTime, formatIsoDate, formatTime, isValidTimeZone, zonedToUtc } from "./zoned";

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

describe("formatDateTime", () => {
  it("prints a moment with its zone named, in either language", () => {
    const at = new Date("2026-11-29T06:10:00Z");
    expect(formatDateTime(at, "Asia/Seoul", "en")).toMatch(/29 Nov 2026.*15:10.*GMT\+9/);
    expect(formatDateTime(at, "Asia/Seoul", "ko")).toMatch(/2026년 11월 29일.*15:10.*GMT\+9/);
    expect(formatDateTime(at, "UTC", "en")).toMatch(/06:10.*UTC/);
  });
});
