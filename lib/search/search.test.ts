import { beforeAll, expect, it } from "vitest";
import { visibleNotesWhere } from "../data/team-notes";
import { describeEachDatabase } from "../testing/databases";
import { searchCatalog } from "./catalog";
import { detectProvider, searchEverything, type SearchFilters, type SearchResult } from "./index";
import { postgresSearch } from "./postgres-search";
import { planQuery } from "./query";
import { createSearchWorld, NOTES, type NoteKey, type SearchWorld } from "./search-fixture";
import { sqliteSearch } from "./sqlite-search";

describeEachDatabase("searchEverything", (getDb, provider) => {
  let world: SearchWorld;
  beforeAll(async () => {
    world = await createSearchWorld(getDb());
  });

  // Other test files share this database and add public talks ("Lambda deep dive" …): keep to this world's events.
  const search = (query: string, filters?: SearchFilters, actor: "ana" | "cy" = "ana") =>
    searchEverything(getDb(), {
      query,
      actorId: world.users[actor].id,
      noteWhere: visibleNotesWhere(world.users[actor].id),
      filters: { eventIds: [world.events.e2024.id, world.events.e2023.id], ...filters },
    });
  const keysOf = (result: SearchResult) =>
    result.notes.map((n) => (Object.keys(world.notes) as NoteKey[]).find((k) => world.notes[k].id === n.id)).sort();
  const ourTalks = (result: SearchResult) => {
    const ids = new Map(Object.entries(world.talks).map(([k, t]) => [t.id, k]));
    return result.talks.flatMap((t) => (ids.has(t.id) ? [ids.get(t.id)] : [])).sort();
  };

  it("detects the provider from the client", () => {
    expect(detectProvider(getDb())).toBe(provider);
  });

  it("Korean 람다 finds Korean text, the English name, tagged notes and literal 람다식", async () => {
    const result = await search("람다");
    expect(keysOf(result)).toEqual(["anaJavaLambda", "anaLambdaKo", "boLambdaEn", "boTaggedOnly"]);
    expect(ourTalks(result)).toEqual(["serverless"]);
  });

  it("English Lambda finds the same notes, but not 람다식 (a Java lambda, not a mention of the service)", async () => {
    const result = await search("lambda");
    expect(keysOf(result)).toEqual(["anaLambdaKo", "boLambdaEn", "boTaggedOnly"]);
    expect(result.notes[0].id).toBe(world.notes.boTaggedOnly.id); // tagged notes rank first
    expect(result.notes.find((n) => n.id === world.notes.boTaggedOnly.id)?.services).toEqual(["lambda"]);
  });

  it("matches Korean substrings inside words, in notes and talk abstracts", async () => {
    const result = await search("이나모");
    expect(keysOf(result)).toEqual(["anaDynamo"]);
    expect(ourTalks(result)).toEqual(["dynamo"]);
    expect((await search("서버리스")).notes.map((n) => n.id)).toEqual([world.notes.anaLambdaKo.id]);
  });

  it("expands 다이나모 and DynamoDB to each other", async () => {
    expect(keysOf(await search("다이나모"))).toEqual(["anaDynamo"]);
    expect(ourTalks(await search("DynamoDB"))).toEqual(["dynamo"]);
    expect(ourTalks(await search("다이나모"))).toEqual(["dynamo"]);
  });

  it("confirms short aliases with the matcher: Polly is not 폴리시, but typing 폴리 is literal", async () => {
    expect(keysOf(await search("Polly"))).toEqual(["anaPolly"]);
    expect(keysOf(await search("폴리"))).toEqual(["anaPolicy", "anaPolly"]);
  });

  it("finds talks by speaker name and title; every word must match", async () => {
    expect(ourTalks(await search(`김민수 ${world.suffix}`))).toEqual(["serverless"]);
    expect(ourTalks(await search("jane"))).toEqual(["dynamo"]);
    expect(ourTalks(await search("워크플로"))).toEqual(["stepfunctions"]);
    expect(keysOf(await search("람다 cold"))).toEqual(["anaLambdaKo", "boLambdaEn"]);
    expect(keysOf(await search("람다 nothing-like-this"))).toEqual([]);
  });

  it("never shows a note the actor may not read, in results, totals or facets", async () => {
    for (const query of ["secret", "비밀", "팀2", "public note", "개인 메모"]) {
      const result = await search(query);
      expect(result.notes, query).toEqual([]);
      expect(result.totals.notes, query).toBe(0);
      expect(result.facets.authors, query).toEqual([]);
    }
    const lambda = await search("Lambda");
    const leaked = lambda.notes.filter((n) =>
      [
        world.notes.cyPrivate.id,
        world.notes.deeOtherTeam.id,
        world.notes.cyPublic.id,
        world.notes.boPrivate.id,
      ].includes(n.id),
    );
    expect(leaked).toEqual([]);
    expect(lambda.facets.authors.map((a) => a.id).sort()).toEqual([world.users.ana.id, world.users.bo.id].sort());
    // The notes exist and match: their own author finds them.
    expect(keysOf(await search("secret", undefined, "cy"))).toEqual(["cyPrivate", "cyPublic", "deeOtherTeam"]);
  });

  it("returns no notes without an actor, whatever noteWhere says", async () => {
    const result = await searchEverything(getDb(), {
      query: "Lambda",
      actorId: null,
      noteWhere: {},
      filters: { eventIds: [world.events.e2024.id, world.events.e2023.id] },
    });
    expect(result.notes).toEqual([]);
    expect(ourTalks(result)).toEqual(["serverless"]);
  });

  it("counts facets over every visible match", async () => {
    const { facets, totals } = await search("람다");
    expect(totals.notes).toBe(4);
    expect(facets.events).toEqual([
      { id: world.events.e2024.id, name: world.events.e2024.name, count: 3 },
      { id: world.events.e2023.id, name: world.events.e2023.name, count: 1 },
    ]);
    expect(facets.years).toEqual([
      { year: 2024, count: 3 },
      { year: 2023, count: 1 },
    ]);
    expect(facets.tracks).toEqual([{ name: "Serverless", count: 3 }]);
    expect(facets.services).toEqual([{ slug: "lambda", name: "AWS Lambda", count: 1 }]);
    expect(facets.authors).toEqual(
      [
        { id: world.users.ana.id, name: world.users.ana.name, count: 2 },
        { id: world.users.bo.id, name: world.users.bo.name, count: 2 },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(facets.visibility).toEqual([
      { value: "PRIVATE", count: 2 },
      { value: "TEAM", count: 2 },
    ]);
  });

  it("filters notes; each facet ignores its own filter; note-only filters hide talks", async () => {
    const byEvent = await search("람다", { eventIds: [world.events.e2023.id] });
    expect(keysOf(byEvent)).toEqual(["boTaggedOnly"]);
    expect(byEvent.facets.events.map((e) => e.count)).toEqual([3, 1]);
    expect(byEvent.facets.authors).toEqual([{ id: world.users.bo.id, name: world.users.bo.name, count: 1 }]);
    expect(ourTalks(byEvent)).toEqual([]);
    expect(keysOf(await search("람다", { years: [2024] }))).toEqual(["anaJavaLambda", "anaLambdaKo", "boLambdaEn"]);
    expect(keysOf(await search("람다", { trackNames: ["Serverless"] }))).toEqual([
      "anaLambdaKo",
      "boLambdaEn",
      "boTaggedOnly",
    ]);
    expect(keysOf(await search("람다", { serviceSlugs: ["lambda"] }))).toEqual(["boTaggedOnly"]);
    expect(keysOf(await search("람다", { authorIds: [world.users.ana.id] }))).toEqual(["anaJavaLambda", "anaLambdaKo"]);
    const team = await search("람다", { visibility: ["TEAM"] });
    expect(keysOf(team)).toEqual(["boLambdaEn", "boTaggedOnly"]);
    expect(team.talks).toEqual([]);
    expect(ourTalks(await search("람다", { years: [2024], trackNames: ["Serverless"] }))).toEqual(["serverless"]);
  });

  it("returns highlight ranges that cover exactly the matched text", async () => {
    const result = await search('"cold start"');
    expect(keysOf(result)).toEqual(["anaLambdaKo", "boLambdaEn"]);
    for (const note of result.notes) {
      expect(note.snippet.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of note.snippet.highlights)
        expect(note.snippet.text.slice(s, e).toLowerCase()).toBe("cold start");
    }
    const korean = (await search("람다")).notes.find((n) => n.id === world.notes.anaLambdaKo.id)!;
    expect(korean.snippet.text).toBe(
      "람다와 API Gateway로 서버리스 백엔드를 만들었다. cold start는 프로비저닝된 동시성으로 해결.",
    );
    expect(korean.snippet.highlights).toEqual([[0, 2]]);
    const english = (await search("람다")).notes.find((n) => n.id === world.notes.boLambdaEn.id)!;
    expect(english.snippet.highlights.map(([s, e]) => english.snippet.text.slice(s, e))).toEqual(["Lambda"]);
    const talk = (await search("람다")).talks.find((t) => t.id === world.talks.serverless.id)!;
    expect(talk.titleHighlights.map(([s, e]) => talk.title.slice(s, e))).toEqual(["람다"]);
    // The whole name is highlighted, not only the alternative that matching kept ("Lambda" covers "AWS Lambda").
    expect(talk.snippet.highlights.map(([s, e]) => talk.snippet.text.slice(s, e))).toEqual(["AWS Lambda"]);
    const dynamo = (await search("다이나모")).notes.find((n) => n.id === world.notes.anaDynamo.id)!;
    expect(dynamo.snippet.highlights.map(([s, e]) => dynamo.snippet.text.slice(s, e))).toEqual([
      "DynamoDB",
      "다이나모",
    ]);
  });

  it("treats quotes, wildcards, FTS operators and SQL as literal text", async () => {
    const anaCanRead: NoteKey[] = [
      "anaLambdaKo",
      "anaDynamo",
      "anaJavaLambda",
      "anaPolicy",
      "anaPolly",
      "boLambdaEn",
      "boTaggedOnly",
    ];
    const literally = (query: string) => {
      const words = query
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
      return anaCanRead.filter((k) => words.every((w) => NOTES[k].body.toLowerCase().includes(w))).sort();
    };
    for (const query of [
      '"',
      "*",
      "OR",
      "NEAR(",
      "%",
      "_",
      "'; DROP TABLE",
      '"quoted',
      "x%",
      "\\",
      "AND NOT",
      "^",
      "body:",
      "_코",
    ]) {
      const result = await search(query);
      expect(keysOf(result), query).toEqual(literally(query));
    }
    expect(keysOf(await search("%"))).toEqual(["anaPolicy"]);
    expect(await getDb().note.count({ where: { id: world.notes.anaPolicy.id } })).toBe(1);
  });

  it("returns nothing for an empty query", async () => {
    for (const query of ["", "   ", '""']) {
      const result = await search(query);
      expect(result).toMatchObject({ notes: [], talks: [], totals: { notes: 0, talks: 0 } });
      expect(result.facets.events).toEqual([]);
    }
  });

  it("keeps the index in step with note edits and deletions", async () => {
    const db = getDb();
    const note = await db.note.create({
      data: { authorId: world.users.ana.id, eventId: world.events.e2024.id, body: "처음 쓴 글: 오로라 서버리스 v2" },
    });
    expect((await search("오로라 서버리스")).notes.map((n) => n.id)).toEqual([note.id]);
    await db.note.update({ where: { id: note.id }, data: { body: "고쳐 쓴 글: 키네시스 스트림" } });
    expect((await search("오로라 서버리스")).notes).toEqual([]);
    expect((await search("키네시스 스트림")).notes.map((n) => n.id)).toEqual([note.id]);
    await db.note.delete({ where: { id: note.id } });
    expect((await search("키네시스 스트림")).notes).toEqual([]);
  });

  it("finds the same notes through the text index as by reading the visible notes", async () => {
    const db = getDb();
    const backend = provider === "sqlite" ? sqliteSearch : postgresSearch;
    const { resolve } = await searchCatalog(db);
    const visible = (
      await db.note.findMany({ where: visibleNotesWhere(world.users.ana.id), select: { id: true } })
    ).map((n) => n.id);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    for (const query of [
      "람다",
      "lambda",
      "이나모",
      '"cold start"',
      "다이나모 비용",
      "Polly",
      "%",
      "_코",
      "NEAR(",
      '"',
      "S3",
    ]) {
      const plan = planQuery(query, resolve);
      const indexed = await backend.matchNotes(db, plan, visible, { useTextIndex: true });
      const scanned = await backend.matchNotes(db, plan, visible, { useTextIndex: false });
      expect(byId(indexed), query).toEqual(byId(scanned));
    }
    expect(
      (await backend.matchNotes(db, planQuery("이나모", resolve), visible, { useTextIndex: true })).map((m) => m.id),
    ).toEqual([world.notes.anaDynamo.id]);
  });
});
