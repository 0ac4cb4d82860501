import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { eventInput, talkInput } from "../validations/agenda-admin";
import { cachedAgendaView, invalidateAgendas } from "./agenda-cache";
import { createEvent, saveTalk, saveTrack } from "./agenda-admin";

describeEachDatabase("agenda grid cache", (getDb) => {
  it("serves the built grid until an edit invalidates it, then the new grid at once", async () => {
    const db = getDb();
    const event = await createEvent(
      db,
      eventInput.parse({
        name: `Cache ${uniqueSuffix()}`,
        timeZone: "Asia/Seoul",
        startDate: "2024-05-16",
        endDate: "2024-05-16",
      }),
    );
    const track = await saveTrack(db, { eventId: event.id, name: "Track 1", colour: "#2563eb", position: 0 });
    await saveTalk(
      db,
      talkInput.parse({
        eventId: event.id,
        title: "First",
        date: "2024-05-16",
        start: "09:00",
        end: "09:40",
        trackId: track.id,
        speakers: "Ana",
      }),
    );

    const first = await cachedAgendaView(db, event.slug, "en");
    expect(first?.talkCount).toBe(1);
    expect(first?.days[0].rows[0].label).toBe("09:00–09:40");
    expect((await cachedAgendaView(db, event.slug, "ko"))?.days[0].label).toContain("2024년");

    // A write that does not publish: still the cached grid (this is what the bus is for).
    await saveTalk(
      db,
      talkInput.parse({
        eventId: event.id,
        title: "Second",
        date: "2024-05-16",
        start: "10:00",
        end: "10:40",
        trackId: track.id,
        speakers: "Bo",
      }),
    );
    expect(await cachedAgendaView(db, event.slug, "en")).toBe(first);

    await invalidateAgendas();
    const after = await cachedAgendaView(db, event.slug, "en");
    expect(after?.talkCount).toBe(2);
    expect(after?.days[0].rows.map((r) => r.label)).toEqual(["09:00–09:40", "10:00–10:40"]);
    expect(await cachedAgendaView(db, `missing-${uniqueSuffix()}`, "en")).toBeNull();
  });
});
