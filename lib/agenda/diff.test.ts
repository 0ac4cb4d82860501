import { describe, expect, it } from "vitest";
import { diffAgendaTalks } from "./diff";
import type { AgendaSnapshotTalk, AgendaTalk } from "./plan";

const at = (hhmm: string) => new Date(`2024-05-16T${hhmm}:00Z`);
const talk = (title: string, fields: Partial<AgendaSnapshotTalk> = {}): AgendaSnapshotTalk => ({
  title,
  abstract: "",
  startsAt: at("10:00"),
  endsAt: at("10:40"),
  day: "2024-05-16",
  track: "Track 1",
  speakers: ["Kim"],
  ...fields,
});
const guids = (talks: AgendaTalk[]) => talks.map((t) => t.guid ?? t.title);

describe("diffAgendaTalks", () => {
  it("matches by guid and tells moves from content changes", () => {
    const existing = [
      talk("A", { guid: "a", id: "1" }),
      talk("B", { guid: "b", id: "2" }),
      talk("C", { guid: "c", id: "3" }),
      talk("D", { guid: "d", id: "4" }),
    ];
    const planned = [
      talk("A", { guid: "a" }),
      talk("B renamed", { guid: "b" }),
      talk("C", { guid: "c", startsAt: at("11:00"), endsAt: at("11:40") }),
      talk("E", { guid: "e" }),
    ];
    const diff = diffAgendaTalks(planned, existing);
    expect(diff.matched.map((m) => [m.existing.id, m.moved, m.changed])).toEqual([
      ["1", false, false],
      ["2", false, true],
      ["3", true, false],
    ]);
    expect(guids(diff.added)).toEqual(["e"]);
    expect(diff.removed.map((e) => e.id)).toEqual(["4"]);
  });

  it("treats a new track or new speakers as a move or a change", () => {
    const diff = diffAgendaTalks(
      [talk("A", { guid: "a", track: "Track 2" }), talk("B", { guid: "b", speakers: ["Lee", "Kim"] })],
      [talk("A", { guid: "a" }), talk("B", { guid: "b" })],
    );
    expect(diff.matched.map((m) => [m.moved, m.changed])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it("matches a guid against a stored id (our export of a talk without guid)", () => {
    const diff = diffAgendaTalks([talk("A", { guid: "db-id-1" })], [talk("A", { id: "db-id-1" })]);
    expect(diff.matched).toHaveLength(1);
    expect(diff.matched[0].changed).toBe(true); // it gains the guid
  });

  it("falls back to unique titles when one side has no guid, never between two different guids", () => {
    const existing = [
      talk("CSV talk", { id: "1" }),
      talk("Frab talk", { id: "2", guid: "g-2" }),
      talk("Twice", { id: "3" }),
      talk("Twice", { id: "4" }),
      talk("Other guid", { id: "5", guid: "x" }),
    ];
    const planned = [
      talk("CSV talk", { guid: "new-guid" }),
      talk("Frab talk"),
      talk("Twice"),
      talk("Other guid", { guid: "y" }),
    ];
    const diff = diffAgendaTalks(planned, existing);
    expect(diff.matched.map((m) => m.existing.id)).toEqual(["1", "2"]);
    expect(guids(diff.added)).toEqual(["Twice", "y"]);
    expect(diff.removed.map((e) => e.id)).toEqual(["3", "4", "5"]);
  });
});
