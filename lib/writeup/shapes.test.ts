// Write-up shapes beyond the three fixtures: Hugo, no front matter, English, other section markers.
import { describe, expect, it } from "vitest";
import { lostLines, parseWriteup } from "./parse";

const md = (...lines: string[]) => lines.join("\n");
const titles = (source: string, fileName?: string) => parseWriteup(source, { fileName }).talks.map((t) => t.title);

function parseKept(source: string, options?: Parameters<typeof parseWriteup>[1]) {
  const plan = parseWriteup(source, options);
  expect(lostLines(source, plan)).toEqual([]);
  return plan;
}

describe("front matter flavours", () => {
  it("reads Hugo YAML front matter, ~ and – ranges, '|' separators and labelled speakers", () => {
    const plan = parseKept(
      md(
        "---",
        'title: "AWS Summit Seoul 2023 review"',
        "date: 2023-05-03T09:00:00+09:00",
        "draft: false",
        'tags: ["Lambda", "EKS"]',
        "categories: [conference, AWS Summit Seoul]",
        "---",
        "## 키노트",
        "- 생성형 AI 이야기가 많았다.",
        "## 강연",
        "### 13:00~13:40 | EKS 운영 자동화",
        "- 발표자: 홍길동 · 김철수",
        "- 트랙: Track 3",
        "- 노드 그룹 자동 확장",
        "### 13:50–14:30 Lambda SnapStart",
        "콜드 스타트 단축",
      ),
      { timeZone: "Asia/Seoul" },
    );
    expect(plan.event).toEqual({ name: "AWS Summit Seoul 2023", date: "2023-05-03" });
    expect(plan.frontMatter).toMatchObject({
      tags: ["Lambda", "EKS"],
      categories: ["conference", "AWS Summit Seoul"],
      extra: { draft: false },
    });
    expect(plan.talks).toMatchObject([
      {
        title: "EKS 운영 자동화",
        startTime: "13:00",
        endTime: "13:40",
        speakers: ["홍길동", "김철수"],
        track: "Track 3",
      },
      { title: "Lambda SnapStart", startTime: "13:50", endTime: "14:30" },
    ]);
    expect(plan.talks[0].headingSource).toBe("## 강연\n\n### 13:00~13:40 | EKS 운영 자동화"); // heading-only container
    expect(plan.eventNotes.map((n) => n.heading)).toEqual(["키노트"]);
    // 09:00 in Seoul is still the evening before in New York
    expect(
      parseWriteup("---\ndate: 2023-05-03T09:00:00+09:00\n---\nx", { timeZone: "America/New_York" }).event.date,
    ).toBe("2023-05-02");
  });

  it("reads Hugo TOML front matter", () => {
    const plan = parseKept(
      md(
        "+++",
        'title = "AWS re:Invent 2023 recap"',
        "date = 2023-11-28T10:00:00-08:00",
        'tags = ["serverless", "containers"]',
        "categories = [",
        '  "conference", # trailing comments and multi-line arrays',
        "]",
        "draft = false",
        "[params]",
        "  author = 'Jane'",
        "+++",
        "## 10:00 - 11:00 SVS401 Serverless patterns",
        "- Jane Doe, Principal SA, AWS",
        "- Event-driven everything",
      ),
    );
    expect(plan.event).toEqual({ name: "AWS re:Invent 2023", date: "2023-11-28" });
    expect(plan.frontMatter).toEqual({
      title: "AWS re:Invent 2023 recap",
      date: "2023-11-28",
      categories: ["conference"],
      tags: ["serverless", "containers"],
      extra: { draft: false, params: { author: "Jane" } },
    });
    expect(plan.talks[0]).toMatchObject({
      title: "SVS401 Serverless patterns",
      speakers: ["Jane Doe, Principal SA, AWS"],
    });
  });

  it("reads a post without front matter: title from its # heading, date from the file name", () => {
    const source = md(
      "# AWS Community Day 2024 참석 후기",
      "",
      "좋은 하루.",
      "",
      "## 13:00 - 13:40 CDK 실전",
      "",
      "- 구성 재사용",
    );
    const plan = parseKept(source, { fileName: "2024-09-28-community-day.md" });
    expect(plan.event).toEqual({ name: "AWS Community Day 2024", date: "2024-09-28" });
    expect(plan.frontMatter).toEqual({ categories: [], tags: [], extra: {} });
    expect(plan.eventNotes).toEqual([
      {
        sourceStartLine: 1,
        headingSource: "# AWS Community Day 2024 참석 후기",
        heading: "AWS Community Day 2024 참석 후기",
        body: "좋은 하루.",
      },
    ]);
    expect(plan.talks.map((t) => [t.startTime, t.title])).toEqual([["13:00", "CDK 실전"]]);
  });

  it("falls back to one event note for text without any structure, named after the file", () => {
    const source = "그냥 메모.\n람다가 좋았다.\n\n끝.\n";
    const plan = parseKept(source, { fileName: "aws-summit-memo.md" });
    expect(plan.event.name).toBe("aws summit memo");
    expect(plan.talks).toEqual([]);
    expect(plan.eventNotes).toEqual([{ sourceStartLine: 1, body: "그냥 메모.\n람다가 좋았다.\n\n끝." }]);
    expect(plan.warnings.map((w) => w.split(":")[0])).toEqual(["no-talks", "name-from-file", "no-date"]);
    expect(parseWriteup("plain text").event.name).toBe("Untitled write-up");
  });

  it("reads a leading pair of rules without key: lines as Markdown, not as front matter", () => {
    const plan = parseKept(md("---", "", "Intro", "", "---", "", "## 세션 1", "text"));
    expect(plan.frontMatter.extra).toEqual({});
    expect(plan.eventNotes[0].body).toBe("---\n\nIntro\n\n---");
  });
});

describe("section markers", () => {
  it("splits at setext headings (=== title, --- sections); a paragraph glued above one stays with the text before", () => {
    const source = md(
      "Summit 2019 후기",
      "===",
      "Intro line",
      "",
      "First talk",
      "---",
      "notes 1",
      "",
      "more words",
      "Second talk",
      "---",
      "notes 2",
    );
    const plan = parseKept(source);
    expect(plan.event.name).toBe("Summit 2019");
    expect(plan.talks.map((t) => [t.title, t.headingSource, t.body])).toEqual([
      ["First talk", "First talk\n---", "notes 1\n\nmore words"],
      ["Second talk", "Second talk\n---", "notes 2"],
    ]);
    expect(plan.eventNotes).toMatchObject([{ heading: "Summit 2019 후기", body: "Intro line" }]);
    expect(plan.warnings.some((w) => w.startsWith("setext-multiline: line 10"))).toBe(true);
  });

  it("splits at horizontal rules: a one-line title opens each part", () => {
    const source = md(
      "오늘 다녀온 행사 정리.",
      "",
      "---",
      "",
      "**서버리스 패턴**",
      "- 람다",
      "",
      "---",
      "",
      "컨테이너 보안",
      "",
      "- 이미지 스캔",
      "",
      "---",
      "",
      "끝.",
    );
    const plan = parseKept(source);
    expect(plan.talks.map((t) => [t.title, t.headingSource, t.body])).toEqual([
      ["서버리스 패턴", "**서버리스 패턴**", "- 람다\n\n---"],
      ["컨테이너 보안", "컨테이너 보안", "- 이미지 스캔\n\n---"],
    ]);
    expect(plan.eventNotes.map((n) => n.body)).toEqual(["오늘 다녀온 행사 정리.\n\n---", "끝."]);
  });

  it("makes 세션 N / Session N sections talks and other sections at that level notes", () => {
    expect(titles(md("## 세션 1", "a", "## 점심", "b", "## 세션2 - 데이터베이스", "c"))).toEqual([
      "세션 1",
      "세션2 - 데이터베이스",
    ]);
    const plan = parseKept(
      md("Intro", "## Session 1: Serverless", "### Lambda", "x", "## Lunch", "y", "## Session 2 - Containers", "z"),
    );
    expect(plan.talks.map((t) => t.title)).toEqual(["Session 1: Serverless", "Session 2 - Containers"]);
    expect(plan.talks[0].body).toBe("### Lambda\nx");
    expect(plan.eventNotes.map((n) => n.heading)).toEqual([undefined, "Lunch"]);
  });

  it("titles sections by an image line (alt text) and keeps the image in the body", () => {
    const source = md(
      "행사 사진 위주로 정리.",
      "",
      "![서버리스 아키텍처](slide1.png)",
      "",
      "- 이벤트 기반",
      "",
      "[![데이터 레이크](slide2.png)](https://example.com)",
      "",
      "- S3 + Athena",
    );
    const plan = parseKept(source);
    expect(plan.talks.map((t) => [t.title, t.body.split("\n")[0], t.headingSource])).toEqual([
      ["서버리스 아키텍처", "![서버리스 아키텍처](slide1.png)", undefined],
      ["데이터 레이크", "[![데이터 레이크](slide2.png)](https://example.com)", undefined],
    ]);
    const headed = parseKept(md("## ![EKS Best Practices](eks.png)", "a", "## ![IMG_2041](x.jpg)", "b"));
    expect(headed.talks.map((t) => [t.title, t.body])).toEqual([
      ["EKS Best Practices", "## ![EKS Best Practices](eks.png)\na"],
      ["IMG_2041", "## ![IMG_2041](x.jpg)\nb"],
    ]);
  });

  it("finds talks on plain lines and list items that start with a time range", () => {
    const source = md(
      "오전은 못 갔다.",
      "",
      "**13:00 - 13:40 EKS 보안**",
      "- IRSA",
      "",
      "- 14:00 ~ 14:40 람다 비용",
      "  - 메모리 튜닝",
      "    - 1769MB = 1 vCPU",
    );
    const plan = parseKept(source);
    expect(plan.talks.map((t) => [t.startTime, t.endTime, t.title, t.body])).toEqual([
      ["13:00", "13:40", "EKS 보안", "- IRSA"],
      ["14:00", "14:40", "람다 비용", "- 메모리 튜닝\n  - 1769MB = 1 vCPU"],
    ]);
  });

  it("reads an English write-up: talks under a container heading, keynote and thoughts as notes", () => {
    const source = md(
      "---",
      "title: AWS Summit Stockholm 2024 recap",
      "date: 2024-06-04",
      "---",
      "## Keynote",
      "Werner talked about frugality.",
      "## Sessions I attended",
      "### Building event-driven apps",
      "- Jane Doe, Principal Solutions Architect, AWS",
      "- EventBridge pipes",
      "### Aurora Limitless",
      "- We still need sharding keys.",
      "## Final thoughts",
      "Great day.",
    );
    const plan = parseKept(source);
    expect(plan.event).toEqual({ name: "AWS Summit Stockholm 2024", date: "2024-06-04" });
    expect(plan.talks.map((t) => [t.title, t.speakers])).toEqual([
      ["Building event-driven apps", ["Jane Doe, Principal Solutions Architect, AWS"]],
      ["Aurora Limitless", undefined], // a sentence, not a speaker
    ]);
    expect(plan.eventNotes.map((n) => n.heading)).toEqual(["Keynote", "Final thoughts"]);
    // the container has no text of its own: its heading travels with the first talk
    expect(plan.talks[0].headingSource).toBe("## Sessions I attended\n\n### Building event-driven apps");
  });

  it("uses the shallowest repeated heading level when nothing else marks the talks", () => {
    expect(
      titles(
        md(
          "# Post",
          "## 소개",
          "x",
          "## Aurora 심층 분석",
          "y",
          "### 세부",
          "z",
          "## DynamoDB 설계",
          "w",
          "## 마무리",
          "v",
        ),
      ),
    ).toEqual(["Aurora 심층 분석", "DynamoDB 설계"]);
  });

  it("among timed talks, an untimed heading of the same level is an event note", () => {
    const plan = parseKept(md("### 12:00 - 12:50 A", "a", "### 점심", "밥", "### 13:00 - 13:40 B", "b"));
    expect(plan.talks.map((t) => t.title)).toEqual(["A", "B"]);
    expect(plan.eventNotes).toMatchObject([{ heading: "점심", body: "밥" }]);
  });

  it("drops an end time before the start time, with a warning", () => {
    const plan = parseKept("### 14:00 - 13:00 Typo\nx");
    expect(plan.talks[0]).toMatchObject({ startTime: "14:00", title: "Typo" });
    expect(plan.talks[0].endTime).toBeUndefined();
    expect(plan.warnings.some((w) => w.startsWith("time-order:"))).toBe(true);
  });

  it("keeps CRLF posts line for line", () => {
    const plan = parseKept("---\r\ntitle: A 후기\r\n---\r\n## 13:00 - 13:40 T\r\nx\r\n");
    expect(plan.talks[0]).toMatchObject({ title: "T", body: "x", sourceStartLine: 4 });
  });
});
