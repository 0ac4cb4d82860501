import { describe, expect, it } from "vitest";
import { findClash } from "./clash";

const at = (h: number, m = 0) => new Date(Date.UTC(2024, 0, 1, h, m));
const talk = (id: string, trackId: string | null, s: number, e: number) => ({
  id,
  title: id,
  trackId,
  startsAt: at(s),
  endsAt: at(e),
});

describe("findClash", () => {
  const existing = [talk("a", "t1", 13, 14), talk("k", null, 9, 10)];
  it("finds overlaps in the same track only", () => {
    expect(findClash(existing, talk("x", "t1", 13, 15))?.id).toBe("a");
    expect(findClash(existing, talk("x", "t2", 13, 15))).toBeNull();
  });
  it("treats plenaries as spanning every track", () => {
    expect(findClash(existing, talk("x", "t2", 9, 11))?.id).toBe("k");
    expect(findClash(existing, talk("x", null, 12, 14))?.id).toBe("a");
  });
  it("lets talks touch and ignores the talk itself", () => {
    expect(findClash(existing, talk("x", "t1", 14, 15))).toBeNull();
    expect(findClash(existing, talk("a", "t1", 13, 14))).toBeNull();
  });
});
