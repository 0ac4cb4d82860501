// A realistic, reproducible corpus for scripts/bench-search.ts: 30 events, parallel tracks, talks
// with speakers, users in teams, and notes in Korean and English that mention AWS services under
// their various spellings ("Lambda", "람다", "AWS Lambda"). Seeded PRNG: the same size gives the
// same data. Inserted with createMany in batches, ids made here (createMany returns no ids).
import type { Db } from "../db-client";

const BATCH = 2000;

export function seededRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0; // mulberry32
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof seededRandom>;

// [catalog slug, spellings people write]
const SERVICES: [string, string[]][] = [
  ["lambda", ["Lambda", "AWS Lambda", "람다"]],
  ["dynamodb", ["DynamoDB", "다이나모DB", "다이나모"]],
  ["s3", ["S3", "Amazon S3"]],
  ["api-gateway", ["API Gateway", "API 게이트웨이"]],
  ["aurora", ["Aurora", "오로라"]],
  ["kinesis", ["Kinesis", "키네시스"]],
  ["ec2", ["EC2"]],
  ["eks", ["EKS"]],
  ["sqs", ["SQS"]],
  ["step-functions", ["Step Functions", "스텝 펑션"]],
  ["cloudfront", ["CloudFront", "클라우드프론트"]],
  ["elasticache", ["ElastiCache", "엘라스티캐시"]],
];
const TOPICS_KO = [
  "서버리스",
  "콜드 스타트",
  "비용 최적화",
  "모니터링",
  "장애 대응",
  "마이그레이션",
  "멀티 리전",
  "보안 설정",
  "배포 자동화",
  "데이터 파이프라인",
];
const TOPICS_EN = [
  "serverless",
  "cold start",
  "cost optimisation",
  "observability",
  "incident response",
  "migration",
  "multi-region",
  "least privilege",
  "CI/CD",
  "streaming",
];
const KO = [
  (s: string, t: string) => `${s}를 사용해서 ${t} 구조를 설명했다.`,
  (s: string, t: string) => `${s}의 ${t} 사례가 인상적이었다.`,
  (s: string, t: string) => `우리 팀도 ${s}로 ${t}를 다시 해 봐야겠다.`,
  (s: string, t: string) => `발표자는 ${t} 때문에 ${s} 설정을 여러 번 바꿨다고 한다.`,
  (_: string, t: string) => `${t}에 대한 질문이 많았다. 슬라이드 공유 예정.`,
];
const EN = [
  (s: string, t: string) => `They moved the batch jobs to ${s} to get ${t} under control.`,
  (s: string, t: string) => `Key takeaway: measure ${t} before tuning ${s}.`,
  (s: string, t: string) => `Demo showed ${s} with a ${t} dashboard.`,
];
const SURNAMES = ["김", "이", "박", "최", "정", "강", "조", "윤"];
const GIVEN = ["민수", "서연", "지훈", "하은", "도윤", "수아", "예준", "지우"];
const EN_NAMES = ["Jane Doe", "Alex Kim", "Sam Lee", "Chris Park", "Taylor Choi"];

function noteBody(r: Random): { body: string; slugs: string[] } {
  const korean = r.next() < 0.7;
  const mentioned = Array.from({ length: 1 + r.int(3) }, () => r.pick(SERVICES));
  const sentences = Array.from({ length: 5 + r.int(8) }, () => {
    const [, spellings] = r.pick(mentioned);
    const spelling = r.pick(spellings);
    return korean && r.next() < 0.8 ? r.pick(KO)(spelling, r.pick(TOPICS_KO)) : r.pick(EN)(spelling, r.pick(TOPICS_EN));
  });
  return { body: sentences.join(r.next() < 0.3 ? "\n\n" : " "), slugs: [...new Set(mentioned.map(([slug]) => slug))] };
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** The queries both search benchmarks time (scripts/bench-search.ts, scripts/bench/search.ts). */
export const BENCH_QUERIES = [
  "람다",
  "Lambda",
  "DynamoDB",
  "다이나모",
  "서버리스",
  '"cold start"',
  "S3",
  "이나모",
  "콜드 스타트 람다",
  "API Gateway 비용",
] as const;

export type BenchCorpus = { benchUserId: string; notes: number; talks: number; users: number };

/** Users in teams of `teamSize`; each user is in two teams, the benchmark user ("u0") included. */
export async function generateCorpus(db: Db, noteCount: number, teamSize = 20): Promise<BenchCorpus> {
  const r = seededRandom(20261122);
  const userCount = Math.max(teamSize * 2, Math.round(noteCount / 50));
  const teamCount = Math.ceil(userCount / teamSize);
  const users = Array.from({ length: userCount }, (_, i) => ({
    id: `u${i}`,
    email: `u${i}@bench.test`,
    name: `${r.pick(SURNAMES)}${r.pick(GIVEN)} ${i}`,
  }));
  await inBatches(users, (data) => db.user.createMany({ data }));
  await db.team.createMany({
    data: Array.from({ length: teamCount }, (_, t) => ({ id: `t${t}`, name: `Team ${t}`, slug: `team-${t}` })),
  });
  const teamsOf = (u: number) => [...new Set([Math.floor(u / teamSize), (Math.floor(u / teamSize) + 7) % teamCount])];
  await inBatches(
    users.flatMap((u, i) => teamsOf(i).map((t) => ({ teamId: `t${t}`, userId: u.id, role: "EDITOR" as const }))),
    (data) => db.membership.createMany({ data }),
  );

  const talks: {
    id: string;
    eventId: string;
    trackId: string;
    title: string;
    abstract: string;
    startsAt: Date;
    endsAt: Date;
  }[] = [];
  const speakers: { id: string; eventId: string; name: string }[] = [];
  for (let e = 0; e < 30; e++) {
    const year = 2015 + (e % 10);
    const series = ["AWS Summit Seoul", "AWS re:Invent", "AWS Community Day"][Math.floor(e / 10)];
    const start = new Date(Date.UTC(year, 4 + Math.floor(e / 10) * 3, 10));
    await db.event.create({
      data: { id: `e${e}`, name: `${series} ${year}`, series, slug: `bench-${e}`, startDate: start, endDate: start },
    });
    await db.track.createMany({
      data: Array.from({ length: 6 }, (_, t) => ({
        id: `e${e}k${t}`,
        eventId: `e${e}`,
        name: `Track ${t + 1}`,
        position: t,
      })),
    });
    for (let k = 0; k < 72; k++) {
      const [, spellings] = r.pick(SERVICES);
      const i = talks.length;
      const startsAt = new Date(start.getTime() + (k % 12) * 3_600_000);
      talks.push({
        id: `k${i}`,
        eventId: `e${e}`,
        trackId: `e${e}k${k % 6}`,
        title: `${r.pick(spellings)}로 만드는 ${r.pick(TOPICS_KO)}`,
        abstract: noteBody(r).body.slice(0, 400),
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2_400_000),
      });
      speakers.push({
        id: `s${i}`,
        eventId: `e${e}`,
        name: `${r.next() < 0.7 ? r.pick(SURNAMES) + r.pick(GIVEN) : r.pick(EN_NAMES)} ${i}`,
      });
    }
  }
  await inBatches(talks, (data) => db.talk.createMany({ data }));
  await inBatches(speakers, (data) => db.speaker.createMany({ data }));
  await inBatches(
    talks.map((t, i) => ({ talkId: t.id, speakerId: `s${i}` })),
    (data) => db.talkSpeaker.createMany({ data }),
  );

  const serviceIds = new Map(
    (await db.service.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]),
  );
  const perUser = Math.ceil(noteCount / userCount);
  const notes = [],
    shares = [],
    tags = [];
  for (let n = 0; n < noteCount; n++) {
    const author = n % userCount;
    const nth = Math.floor(n / userCount);
    // Distinct talks per author (the schema allows one note per author and talk); 5% event-level.
    const talk = talks[(author * 131 + nth * Math.ceil(talks.length / perUser)) % talks.length];
    const eventLevel = r.next() < 0.05;
    const roll = r.next();
    const visibility = roll < 0.6 ? "PRIVATE" : roll < 0.9 ? "TEAM" : "PUBLIC";
    const { body, slugs } = noteBody(r);
    const updatedAt = new Date(Date.UTC(2015, 0, 1) + r.int(10 * 365) * 86_400_000);
    notes.push({
      id: `n${n}`,
      authorId: `u${author}`,
      eventId: talk.eventId,
      talkId: eventLevel ? null : talk.id,
      body,
      visibility,
      updatedAt,
    } as const);
    if (visibility === "TEAM") shares.push({ noteId: `n${n}`, teamId: `t${r.pick(teamsOf(author))}` });
    if (r.next() < 0.4)
      for (const slug of slugs)
        if (serviceIds.has(slug)) tags.push({ noteId: `n${n}`, serviceId: serviceIds.get(slug)! });
  }
  await inBatches(notes, (data) => db.note.createMany({ data }));
  await inBatches(shares, (data) => db.noteShare.createMany({ data }));
  await inBatches(tags, (data) => db.noteTag.createMany({ data }));
  return { benchUserId: "u0", notes: notes.length, talks: talks.length, users: users.length };
}
