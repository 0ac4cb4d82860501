// A small world for the search tests: two events, three talks, a team, and notes whose visibility
// and wording are chosen to catch leaks and imprecise matches. Every run uses fresh users, teams and
// event slugs, so it can share the test database with other test files.
import type { Db } from "../db-client";
import { uniqueSuffix } from "../testing/databases";
import { seedCatalog } from "../../prisma/seed-data/seed";

type NoteSpec = {
  author: "ana" | "bo" | "cy" | "dee";
  event: "e2024" | "e2023";
  talk?: "serverless" | "dynamo" | "stepfunctions";
  visibility: "PRIVATE" | "TEAM" | "PUBLIC";
  shareWith?: "anaTeam" | "otherTeam";
  tags?: string[];
  body: string;
};

// ana is the searching user. bo shares team "anaTeam" with her; cy and dee are in "otherTeam".
export const NOTES = {
  anaLambdaKo: {
    author: "ana",
    event: "e2024",
    talk: "serverless",
    visibility: "PRIVATE",
    body: "람다와 API Gateway로 서버리스 백엔드를 만들었다.\n\ncold start는 프로비저닝된 동시성으로 해결.",
  },
  anaDynamo: {
    author: "ana",
    event: "e2024",
    talk: "dynamo",
    visibility: "PRIVATE",
    tags: ["dynamodb"],
    body: "DynamoDB single-table design, GSI 오버로딩. 다이나모DB 비용 절감 팁",
  },
  anaJavaLambda: { author: "ana", event: "e2024", visibility: "PRIVATE", body: "람다식 문법 정리 (Java 8 스트림)" },
  anaPolicy: {
    author: "ana",
    event: "e2023",
    visibility: "PRIVATE",
    body: `IAM 폴리시 정리: 최소 권한. 50% 할인_코드 "quoted" *star* OR NEAR( '; DROP TABLE x`,
  },
  anaPolly: { author: "ana", event: "e2023", visibility: "PRIVATE", body: "Amazon Polly로 음성 합성. 폴리를 써 봤다." },
  boLambdaEn: {
    author: "bo",
    event: "e2024",
    talk: "serverless",
    visibility: "TEAM",
    shareWith: "anaTeam",
    body: "Lambda cold start 측정 결과 공유. Provisioned concurrency 50 정도.",
  },
  boTaggedOnly: {
    author: "bo",
    event: "e2023",
    talk: "stepfunctions",
    visibility: "TEAM",
    shareWith: "anaTeam",
    tags: ["lambda"],
    body: "Step Functions로 주문 처리. 오케스트레이션 패턴.",
  },
  boPrivate: { author: "bo", event: "e2024", visibility: "PRIVATE", body: "bo 개인 메모: 람다 Lambda secret" },
  cyPrivate: {
    author: "cy",
    event: "e2024",
    talk: "serverless",
    visibility: "PRIVATE",
    body: "람다 비밀 메모 Lambda secret",
  },
  deeOtherTeam: {
    author: "dee",
    event: "e2024",
    visibility: "TEAM",
    shareWith: "otherTeam",
    body: "람다 팀2 메모 Lambda secret",
  },
  cyPublic: { author: "cy", event: "e2023", visibility: "PUBLIC", body: "Lambda public note 람다 secret" },
} satisfies Record<string, NoteSpec>;

export type NoteKey = keyof typeof NOTES;

export async function createSearchWorld(db: Db) {
  await seedCatalog(db);
  const s = uniqueSuffix();
  const user = (name: string) => db.user.create({ data: { email: `${name}-${s}@example.test`, name: `${name}-${s}` } });
  const users = { ana: await user("ana"), bo: await user("bo"), cy: await user("cy"), dee: await user("dee") };
  const team = async (name: string, members: [keyof typeof users, "OWNER" | "EDITOR" | "VIEWER"][]) =>
    db.team.create({
      data: {
        name,
        slug: `${name}-${s}`.toLowerCase(),
        memberships: { create: members.map(([u, role]) => ({ userId: users[u].id, role })) },
      },
    });
  const teams = {
    anaTeam: await team("anaTeam", [
      ["ana", "OWNER"],
      ["bo", "EDITOR"],
    ]),
    otherTeam: await team("otherTeam", [
      ["cy", "OWNER"],
      ["dee", "EDITOR"],
    ]),
  };

  // Seoul is UTC+9: the 2024 event starts on 2024-05-16 local time, still 2024-05-15 in UTC.
  const event = (name: string, start: string) =>
    db.event.create({
      data: {
        name: `${name} ${s}`,
        slug: `${name}-${s}`.toLowerCase(),
        startDate: new Date(start),
        endDate: new Date(start),
        timeZone: "Asia/Seoul",
      },
    });
  const events = {
    e2024: await event("summit-2024", "2024-05-15T15:00:00Z"),
    e2023: await event("summit-2023", "2023-05-02T15:00:00Z"),
  };
  const track = (eventId: string, name: string) => db.track.create({ data: { eventId, name } });
  const tracks = {
    s2024: await track(events.e2024.id, "Serverless"),
    d2024: await track(events.e2024.id, "Data"),
    s2023: await track(events.e2023.id, "Serverless"),
  };

  const talk = async (eventId: string, trackId: string, title: string, abstract: string, speaker: string) => {
    const created = await db.talk.create({
      data: {
        eventId,
        trackId,
        title,
        abstract,
        startsAt: new Date("2024-05-16T01:00:00Z"),
        endsAt: new Date("2024-05-16T02:00:00Z"),
      },
    });
    const person = await db.speaker.create({ data: { eventId, name: `${speaker} ${s}` } });
    await db.talkSpeaker.create({ data: { talkId: created.id, speakerId: person.id } });
    return created;
  };
  const talks = {
    serverless: await talk(
      events.e2024.id,
      tracks.s2024.id,
      "람다로 만드는 서버리스 API",
      "AWS Lambda와 API Gateway로 cold start 줄이기",
      "김민수",
    ),
    dynamo: await talk(
      events.e2024.id,
      tracks.d2024.id,
      "DynamoDB single-table design",
      "다이나모DB 모델링 패턴",
      "Jane Doe",
    ),
    stepfunctions: await talk(events.e2023.id, tracks.s2023.id, "Step Functions 워크플로", "오케스트레이션", "박서준"),
  };

  const services = new Map(
    (
      await db.service.findMany({ where: { slug: { in: ["lambda", "dynamodb"] } }, select: { id: true, slug: true } })
    ).map((x) => [x.slug, x.id]),
  );
  const notes = {} as Record<NoteKey, { id: string; body: string }>;
  for (const [key, spec] of Object.entries(NOTES) as [NoteKey, NoteSpec][]) {
    const note = await db.note.create({
      data: {
        authorId: users[spec.author].id,
        eventId: events[spec.event].id,
        talkId: spec.talk ? talks[spec.talk].id : null,
        visibility: spec.visibility,
        body: spec.body,
        shares: spec.shareWith ? { create: [{ teamId: teams[spec.shareWith].id }] } : undefined,
        tags: spec.tags ? { create: spec.tags.map((slug) => ({ serviceId: services.get(slug)! })) } : undefined,
      },
    });
    notes[key] = { id: note.id, body: note.body };
  }
  return { users, teams, events, tracks, talks, notes, suffix: s };
}

export type SearchWorld = Awaited<ReturnType<typeof createSearchWorld>>;
