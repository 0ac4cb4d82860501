import { beforeAll, expect, it } from "vitest";
import { isAppError } from "../errors";
import { createSearchWorld, type SearchWorld } from "../search/search-fixture";
import { describeEachDatabase } from "../testing/databases";
import { compareEvents, getServiceTimeline, listServiceIndex, noteHref } from "./insights";

describeEachDatabase("insights", (getDb) => {
  let world: SearchWorld;
  let kinesisSecret: string;
  beforeAll(async () => {
    const db = getDb();
    world = await createSearchWorld(db);
    // Only cy's private note mentions Kinesis: for anyone else the service must not exist in these events.
    kinesisSecret = (
      await db.note.create({
        data: {
          authorId: world.users.cy.id,
          eventId: world.events.e2023.id,
          visibility: "PRIVATE",
          body: "Amazon Kinesis 비밀 메모",
        },
      })
    ).id;
  });
  const ourEvents = () => [world.events.e2024.id, world.events.e2023.id];
  const noteKeys = (ids: string[]) =>
    ids.map((id) => Object.entries(world.notes).find(([, n]) => n.id === id)?.[0] ?? id).sort();

  it("service timeline: events in time order, talks and readable notes with counts and excerpts", async () => {
    const timeline = (await getServiceTimeline(getDb(), world.users.ana.id, "lambda", { eventIds: ourEvents() }))!;
    expect(timeline.service).toEqual({ slug: "lambda", name: "AWS Lambda" });
    expect(timeline.events.map((e) => e.slug)).toEqual([world.events.e2023.slug, world.events.e2024.slug]);
    const [y2023, y2024] = timeline.events;
    expect([y2023.talkCount, y2023.noteCount, y2024.talkCount, y2024.noteCount]).toEqual([0, 1, 1, 2]);
    expect(y2023.year).toBe(2023);
    expect(noteKeys(y2023.notes.map((n) => n.id))).toEqual(["boTaggedOnly"]);
    // 람다식 (a Java lambda) is not a mention; the private notes of others never appear.
    expect(noteKeys(y2024.notes.map((n) => n.id))).toEqual(["anaLambdaKo", "boLambdaEn"]);
    expect(y2024.talks.map((t) => t.id)).toEqual([world.talks.serverless.id]);
    expect(timeline.totals).toEqual({ events: 2, talks: 1, notes: 3 });
    const korean = y2024.notes.find((n) => n.id === world.notes.anaLambdaKo.id)!;
    expect(korean.snippet.highlights.map(([s, e]) => korean.snippet.text.slice(s, e))).toEqual(["람다"]);
    expect(korean.href).toBe(`/events/${world.events.e2024.slug}/talks/${world.talks.serverless.id}/note`);
    const team = y2024.notes.find((n) => n.id === world.notes.boLambdaEn.id)!;
    expect(team.href).toBe(`/events/${world.events.e2024.slug}/talks/${world.talks.serverless.id}`);
    expect(timeline.options.years).toEqual([2023, 2024]);
  });

  it("service timeline: filters by year and series; unknown services are null", async () => {
    const db = getDb();
    const only2024 = (await getServiceTimeline(db, world.users.ana.id, "lambda", {
      eventIds: ourEvents(),
      year: 2024,
    }))!;
    expect(only2024.events.map((e) => e.slug)).toEqual([world.events.e2024.slug]);
    expect(only2024.options.years).toEqual([2023, 2024]);
    const noSeries = (await getServiceTimeline(db, world.users.ana.id, "lambda", {
      eventIds: ourEvents(),
      series: "No Such Series",
    }))!;
    expect(noSeries.events).toEqual([]);
    expect(await getServiceTimeline(db, world.users.ana.id, "no-such-service", {})).toBeNull();
  });

  it("service timeline: others' private notes are neither shown nor counted; no actor sees talks only", async () => {
    const db = getDb();
    const asCy = (await getServiceTimeline(db, world.users.cy.id, "lambda", { eventIds: ourEvents() }))!;
    expect(noteKeys(asCy.events.flatMap((e) => e.notes.map((n) => n.id)))).toEqual([
      "cyPrivate",
      "cyPublic",
      "deeOtherTeam",
    ]);
    const anonymous = (await getServiceTimeline(db, null, "lambda", { eventIds: ourEvents() }))!;
    expect(anonymous.events.map((e) => [e.slug, e.talkCount, e.noteCount])).toEqual([[world.events.e2024.slug, 1, 0]]);
    expect(anonymous.totals.notes).toBe(0);
    const kinesis = (await getServiceTimeline(db, world.users.ana.id, "kinesis", { eventIds: ourEvents() }))!;
    expect(kinesis.events).toEqual([]);
    expect((await getServiceTimeline(db, world.users.cy.id, "kinesis", { eventIds: ourEvents() }))!.totals.notes).toBe(
      1,
    );
  });

  it("compares events: tracks, talk counts, the services × events matrix and unique services", async () => {
    const cmp = await compareEvents(getDb(), world.users.ana.id, [world.events.e2024.slug, world.events.e2023.slug]);
    expect(cmp.events.map((e) => e.slug)).toEqual([world.events.e2023.slug, world.events.e2024.slug]);
    expect(cmp.events.map((e) => e.talkCount)).toEqual([1, 2]);
    expect(cmp.events[1].tracks).toEqual(
      [
        { name: "Serverless", talkCount: 1 },
        { name: "Data", talkCount: 1 },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(cmp.events.map((e) => e.noteCount)).toEqual([3, 4]); // ana's 2 + bo's 1 in 2023; ana's 3 + bo's 1 in 2024
    const row = (slug: string) => cmp.services.find((s) => s.slug === slug);
    expect(row("lambda")?.cells).toEqual([
      { talks: 0, notes: 1 },
      { talks: 1, notes: 2 },
    ]);
    expect(row("dynamodb")?.cells).toEqual([
      { talks: 0, notes: 0 },
      { talks: 1, notes: 1 },
    ]);
    expect(row("step-functions")?.cells).toEqual([
      { talks: 1, notes: 1 },
      { talks: 0, notes: 0 },
    ]);
    expect(row("lambda")?.total).toBe(4);
    const uniqueSlugs = cmp.unique.map((list) => list.map((s) => s.slug));
    expect(uniqueSlugs[0]).toEqual(expect.arrayContaining(["step-functions", "polly"]));
    expect(uniqueSlugs[1]).toEqual(expect.arrayContaining(["dynamodb", "api-gateway"]));
    expect(uniqueSlugs.flat()).not.toContain("lambda");
    expect(cmp.focus).toBeNull();
  });

  it("comparison never counts notes the actor may not read", async () => {
    const db = getDb();
    const slugs = [world.events.e2024.slug, world.events.e2023.slug];
    const asAna = await compareEvents(db, world.users.ana.id, slugs);
    expect(asAna.services.map((s) => s.slug)).not.toContain("kinesis");
    const asCy = await compareEvents(db, world.users.cy.id, slugs);
    expect(asCy.services.find((s) => s.slug === "kinesis")?.cells).toEqual([
      { talks: 0, notes: 1 },
      { talks: 0, notes: 0 },
    ]);
    expect(asCy.unique[0].map((s) => s.slug)).toContain("kinesis");
    // cy reads cyPrivate, deeOtherTeam (2024) and cyPublic (2023) among the Lambda notes.
    expect(asCy.services.find((s) => s.slug === "lambda")?.cells).toEqual([
      { talks: 0, notes: 1 },
      { talks: 1, notes: 2 },
    ]);
    const anonymous = await compareEvents(db, null, slugs);
    expect(anonymous.events.map((e) => e.noteCount)).toEqual([0, 0]);
    expect(anonymous.services.flatMap((s) => s.cells.map((c) => c.notes)).every((n) => n === 0)).toBe(true);
    expect(kinesisSecret).toBeTruthy();
  });

  it("comparison focus: one service's notes from each event side by side", async () => {
    const cmp = await compareEvents(
      getDb(),
      world.users.ana.id,
      [world.events.e2023.slug, world.events.e2024.slug],
      "lambda",
    );
    expect(cmp.focus?.name).toBe("AWS Lambda");
    expect(cmp.focus?.perEvent.map((p) => [p.talkCount, p.noteCount])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(noteKeys(cmp.focus!.perEvent[1].notes.map((n) => n.id))).toEqual(["anaLambdaKo", "boLambdaEn"]);
  });

  it("comparison refuses too few, too many and unknown events, and unknown services", async () => {
    const db = getDb();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e) => (isAppError(e) ? e.code : String(e)),
      );
    expect(await code(compareEvents(db, null, [world.events.e2024.slug]))).toBe("INVALID");
    expect(await code(compareEvents(db, null, [world.events.e2024.slug, world.events.e2024.slug]))).toBe("INVALID");
    expect(await code(compareEvents(db, null, ["a", "b", "c", "d", "e"]))).toBe("INVALID");
    expect(await code(compareEvents(db, null, [world.events.e2024.slug, "no-such-event"]))).toBe("NOT_FOUND");
    expect(
      await code(compareEvents(db, null, [world.events.e2024.slug, world.events.e2023.slug], "no-such-service")),
    ).toBe("NOT_FOUND");
  });

  it("service index: counts per service, a query finds services by alias, private notes never counted", async () => {
    const db = getDb();
    const index = await listServiceIndex(db, world.users.ana.id, "", ourEvents());
    expect(index.find((s) => s.slug === "lambda")).toEqual({
      slug: "lambda",
      name: "AWS Lambda",
      shortName: "Lambda",
      talks: 1,
      notes: 3,
    });
    expect(index.map((s) => s.slug)).not.toContain("kinesis");
    expect(
      (await listServiceIndex(db, world.users.cy.id, "", ourEvents())).find((s) => s.slug === "kinesis")?.notes,
    ).toBe(1);
    const byKorean = await listServiceIndex(db, null, "다이나모", ourEvents());
    expect(byKorean.map((s) => s.slug)).toContain("dynamodb");
    expect(byKorean.find((s) => s.slug === "dynamodb")).toMatchObject({ talks: 1, notes: 0 });
  });

  it("links own notes to the editor and others' notes to their talk or event", () => {
    expect(noteHref({ id: "n", eventSlug: "e", talkId: "t", authorId: "me" }, "me")).toBe("/events/e/talks/t/note");
    expect(noteHref({ id: "n", eventSlug: "e", talkId: null, authorId: "me" }, "me")).toBe("/events/e/notes/n");
    expect(noteHref({ id: "n", eventSlug: "e", talkId: "t", authorId: "you" }, "me")).toBe("/events/e/talks/t");
    expect(noteHref({ id: "n", eventSlug: "e", talkId: null, authorId: "you" }, null)).toBe("/events/e");
  });
});
