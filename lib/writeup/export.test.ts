// The exporter's output as a blog post, and its promise: parseWriteup reads back what it wrote.
import fc from "fast-check";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { exportNoteMarkdown, exportWriteup, type WriteupExportInput, type WriteupExportTalk } from "./export";
import { lostLines, parseWriteup } from "./parse";

const seoul = (hhmm: string, day = "2016-05-17") => new Date(`${day}T${hhmm}:00+09:00`);
const talk = (
  start: string,
  end: string,
  title: string,
  extra: Partial<WriteupExportTalk> = {},
): WriteupExportTalk => ({
  title,
  startsAt: seoul(start),
  endsAt: seoul(end),
  speakers: [],
  notes: [],
  ...extra,
});

const summit: WriteupExportInput = {
  event: {
    name: 'AWS Summit Seoul 2016: "클라우드"',
    startDate: "2016-05-17",
    timeZone: "Asia/Seoul",
    series: "AWS Summit Seoul",
    venue: "COEX",
  },
  flavour: "jekyll",
  services: ["AWS Lambda", "Amazon DynamoDB", "AWS Lambda", "on"],
  eventNotes: [{ author: "kim", body: "행사장이 붐볐다.\n\n# 좋았던 점\n\n- 도시락" }],
  talks: [
    talk("13:50", "14:30", "Lambda를 활용한 서버없는 아키텍쳐 구현하기", {
      track: "Track 2",
      speakers: ["김기완 솔루션즈 아키텍트, 아마존 웹서비스"],
      notes: [
        { author: "kim", body: "- 100ms 단위 과금" },
        { author: "lee", body: "데모가 좋았다.\n\n```js\nexports.handler = async () => {}" },
      ],
    }),
    talk("13:00", "13:40", "나에게 맞는 AWS 데이터베이스 서비스 선택하기", {
      track: "Track 1",
      notes: [{ author: "kim", body: "RDS, DynamoDB" }],
    }),
  ],
};

describe("exportWriteup", () => {
  const post = exportWriteup(summit);
  const frontMatter = YAML.parse(post.split("---\n")[1]);

  it("writes Jekyll front matter with the yaml package (quotes, colons, Korean)", () => {
    expect(post.startsWith("---\nlayout: post\n")).toBe(true);
    expect(frontMatter).toEqual({
      layout: "post",
      title: 'AWS Summit Seoul 2016: "클라우드" 후기',
      date: "2016-05-17",
      categories: ["AWS Summit Seoul"],
      tags: ["AWS Lambda", "Amazon DynamoDB", "on"],
      event: 'AWS Summit Seoul 2016: "클라우드"',
      venue: "COEX",
      timezone: "Asia/Seoul",
      tracks: ["Track 2", "Track 1"],
    });
    expect(post).toContain("\ndate: 2016-05-17\n"); // unquoted: Jekyll reads it as a date
    expect(post).toContain('  - "on"\n'); // YAML 1.1 readers would take a bare on for true
  });

  it("writes Hugo front matter with draft: false and no layout", () => {
    const hugo = exportWriteup({ ...summit, flavour: "hugo" });
    const data = YAML.parse(hugo.split("---\n")[1]);
    expect(data).toMatchObject({ draft: false, date: "2016-05-17" });
    expect(data.layout).toBeUndefined();
  });

  it("writes talks in time order, in the event's zone, with track, speakers and attributed notes", () => {
    const body = post.slice(post.indexOf("\n---\n") + 5);
    expect(body).toBe(
      [
        "\n## 총평",
        "*작성: kim*",
        "행사장이 붐볐다.\n\n#### 좋았던 점\n\n- 도시락", // note headings go below the talk level
        "## 강연",
        "### 13:00 - 13:40 나에게 맞는 AWS 데이터베이스 서비스 선택하기",
        "트랙: Track 1",
        "*작성: kim*",
        "RDS, DynamoDB",
        "### 13:50 - 14:30 Lambda를 활용한 서버없는 아키텍쳐 구현하기",
        "트랙: Track 2  \n발표자: 김기완 솔루션즈 아키텍트, 아마존 웹서비스",
        "*작성: kim*",
        "- 100ms 단위 과금",
        "*작성: lee*",
        "데모가 좋았다.\n\n```js\nexports.handler = async () => {}\n```", // the open fence is closed
      ].join("\n\n") + "\n",
    );
  });

  it("attributes notes only when more than one person wrote them", () => {
    const solo = exportWriteup({
      ...summit,
      eventNotes: [],
      talks: [talk("13:00", "13:40", "T", { notes: [{ author: "kim", body: "x" }] })],
    });
    expect(solo).not.toContain("작성");
    const en = exportWriteup({ ...summit, locale: "en" });
    expect(en).toContain("*Notes by lee*");
    expect(en).toContain("title: 'AWS Summit Seoul 2016: \"클라우드\" recap'");
  });

  it("groups a multi-day event by day", () => {
    const twoDays = exportWriteup({
      ...summit,
      eventNotes: [],
      talks: [
        talk("10:00", "10:40", "Day one"),
        {
          ...talk("10:00", "10:40", "Day two"),
          startsAt: seoul("10:00", "2016-05-18"),
          endsAt: seoul("10:40", "2016-05-18"),
        },
      ],
    });
    expect(twoDays).toContain(
      "## 1일차 · 2016-05-17\n\n### 10:00 - 10:40 Day one\n\n## 2일차 · 2016-05-18\n\n### 10:00 - 10:40 Day two\n",
    );
    expect(parseWriteup(twoDays).talks.map((t) => t.title)).toEqual(["Day one", "Day two"]);
  });

  it("exports one note as a small Markdown file", () => {
    const note = {
      author: "kim",
      body: "## 요약\n람다 최고",
      talk: { ...talk("13:00", "13:40", "C# <T> *fast*"), timeZone: "Asia/Seoul" },
    };
    expect(exportNoteMarkdown(note)).toBe(
      "### 13:00 - 13:40 C\\# \\<T\\> \\*fast\\*\n\n*작성: kim*\n\n#### 요약\n람다 최고\n",
    );
    expect(exportNoteMarkdown({ body: "메모" })).toBe("메모\n");
    expect(parseWriteup(exportNoteMarkdown(note)).talks[0]).toMatchObject({
      title: "C# <T> *fast*",
      startTime: "13:00",
    });
  });
});

describe("export → import round trip", () => {
  const words = [
    "람다",
    "서버리스",
    "DynamoDB",
    "C#",
    "re:Invent",
    "<T>",
    "*fast*",
    "[beta]",
    "R&D",
    "100%",
    "a_b",
    "~1",
    "EKS",
    "생성형",
    "AI",
  ];
  const noteLines = [
    "- 콜드 스타트",
    "1. 첫째",
    "코드는 `x = 1`",
    "> 인용문",
    "#### 세부 내용",
    "**굵게** 쓴 말",
    "https://aws.amazon.com",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode\n```",
    "람다가 좋았다.",
  ];
  const text = (pool: string[], sep: string) =>
    fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }).map((xs) => xs.join(sep));
  const note = fc.record({
    author: fc.option(fc.constantFrom("kim", "lee", "박"), { nil: undefined }),
    body: text(noteLines, "\n\n"),
  });
  const talkArb = fc.record({
    title: text(words, " "),
    start: fc.integer({ min: 0, max: 2 * 24 * 60 - 60 }), // minutes over two days
    length: fc.integer({ min: 5, max: 120 }),
    track: fc.option(fc.constantFrom("Track 1", "Track: Data", "트랙 A"), { nil: null }),
    speakers: fc.array(text(["홍길동", "Jane", "Doe", "솔루션즈", "아키텍트"], " "), { maxLength: 2 }),
    notes: fc.array(note, { maxLength: 3 }),
  });
  const dayStart = Date.parse("2023-05-03T00:00:00+09:00");

  for (const flavour of ["jekyll", "hugo"] as const) {
    it(`keeps talk titles, times, speakers, tracks and note text (${flavour})`, () => {
      fc.assert(
        fc.property(fc.array(talkArb, { maxLength: 6 }), fc.array(note, { maxLength: 2 }), (talks, eventNotes) => {
          const input: WriteupExportInput = {
            event: { name: "AWS Summit Seoul 2023", startDate: "2023-05-03", timeZone: "Asia/Seoul" },
            flavour,
            services: ["AWS Lambda"],
            eventNotes,
            talks: talks.map((t) => ({
              ...t,
              startsAt: new Date(dayStart + t.start * 60_000),
              endsAt: new Date(dayStart + (t.start + t.length) * 60_000),
            })),
          };
          const post = exportWriteup(input);
          const plan = parseWriteup(post, { timeZone: "Asia/Seoul" });
          expect(lostLines(post, plan)).toEqual([]);
          expect(plan.event).toEqual({ name: "AWS Summit Seoul 2023", date: "2023-05-03" });
          const sorted = [...input.talks].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
          const hhmm = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(11, 16);
          expect(plan.talks.map((t) => [t.title, t.startTime, t.endTime, t.track, t.speakers ?? []])).toEqual(
            sorted.map((t) => [t.title, hhmm(t.startsAt), hhmm(t.endsAt), t.track ?? undefined, t.speakers]),
          );
          sorted.forEach((t, i) => {
            let at = 0;
            for (const n of t.notes) {
              at = plan.talks[i].body.indexOf(n.body, at); // each note, whole and in order
              expect(at).toBeGreaterThanOrEqual(0);
            }
          });
          const eventText = plan.eventNotes.map((n) => n.body).join("\n");
          for (const n of eventNotes) expect(eventText).toContain(n.body);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("talks whose time is unknown", () => {
  const input: WriteupExportInput = {
    event: { name: "AWSome Day", startDate: "2017-06-08", timeZone: "Asia/Seoul" },
    flavour: "jekyll",
    services: [],
    eventNotes: [],
    talks: [
      talk("09:00", "09:40", "클라우드 개요", { timeUnknown: true, notes: [{ body: "리전과 AZ" }] }),
      talk("09:50", "10:30", "핵심 서비스", { timeUnknown: true, notes: [{ body: "EC2, S3" }] }),
      talk("13:00", "13:40", "보안", { notes: [{ body: "IAM" }] }),
    ],
  };
  const post = exportWriteup(input);

  it("are exported in order without the placeholder times, and a re-import keeps them unknown", () => {
    expect(post).toContain("### 클라우드 개요\n");
    expect(post).not.toContain("09:00");
    expect(post).not.toContain("09:50");
    const plan = parseWriteup(post);
    expect(plan.talks.map((t) => [t.title, t.startTime ?? "unknown"])).toEqual([
      ["클라우드 개요", "unknown"],
      ["핵심 서비스", "unknown"],
      ["보안", "13:00"],
    ]);
    expect(lostLines(post, plan)).toEqual([]);
  });
});
