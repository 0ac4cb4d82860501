import { describe, expect, it } from "vitest";
import { computeCoverage } from "./team-review";

const at = (hhmm: string) => new Date(`2016-05-17T${hhmm}:00+09:00`);
const person = (id: string) => ({ id, name: id });

describe("computeCoverage", () => {
  it("does not count a plenary keynote several members attend as covered twice", () => {
    const plan = computeCoverage(
      [
        {
          id: "k",
          title: "Keynote",
          startsAt: at("09:00"),
          endsAt: at("10:00"),
          track: null,
          claimers: [person("a"), person("b"), person("c")],
        },
        {
          id: "l",
          title: "Lambda",
          startsAt: at("11:00"),
          endsAt: at("11:40"),
          track: { id: "t1", name: "Track 1", position: 0 },
          claimers: [person("a"), person("b")],
        },
        {
          id: "d",
          title: "DynamoDB",
          startsAt: at("11:00"),
          endsAt: at("11:40"),
          track: { id: "t2", name: "Track 2", position: 1 },
          claimers: [],
        },
      ],
      "Asia/Seoul",
    );
    expect(plan.doubleCovered.map((t) => t.title)).toEqual(["Lambda"]);
    expect(plan.uncoveredSlots).toEqual([]);
  });
});
