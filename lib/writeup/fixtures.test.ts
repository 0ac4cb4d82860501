// The three real Korean write-ups the importer was built from (Jekyll posts, three shapes).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WRITEUP_FIXTURES } from "../testing/fixtures";
import { planLines } from "./lost-lines";
import { lostLines, parseWriteup, type WriteupPlan } from "./parse";

const dir = WRITEUP_FIXTURES;
const read = (name: string) => fs.readFileSync(path.join(dir, name));

/** Non-empty body lines of the source must equal the plan's, one for one, in order. */
function expectTextKept(source: Buffer, plan: WriteupPlan) {
  expect(lostLines(source, plan)).toEqual([]);
  const body = source.toString("utf8").split("\n");
  const fmEnd = body.indexOf("---", 1); // all three fixtures open with YAML front matter
  const wanted = body.slice(fmEnd + 1).filter((l) => l.trim() !== "");
  expect(planLines(plan).filter((l) => l.trim() !== "")).toEqual(wanted);
  const starts = [...plan.eventNotes, ...plan.talks].map((p) => p.sourceStartLine);
  expect(new Set(starts).size).toBe(starts.length);
}

describe("aws-summit-2016.md (### timed talks under ## 강연 트랙)", () => {
  const source = read("aws-summit-2016.md");
  const plan = parseWriteup(source, { fileName: "aws-summit-2016.md", timeZone: "Asia/Seoul" });

  it("reads the title, category and keeps layout; the file has no date anywhere", () => {
    expect(plan.event).toEqual({ name: "AWS Summit 2016" });
    expect(plan.frontMatter).toEqual({
      title: "AWS Summit 2016 후기",
      categories: ["AWS"],
      tags: [],
      extra: { layout: "post" },
    });
    expect(plan.warnings.some((w) => w.startsWith("no-date:"))).toBe(true);
  });

  it("finds the six afternoon talks with their times and speakers", () => {
    expect(plan.talks.map((t) => [t.startTime, t.endTime, t.title])).toEqual([
      ["13:00", "13:40", "나에게 맞는 AWS 데이터베이스 서비스 선택하기"],
      ["13:50", "14:30", "Lambda를 활용한 서버없는 아키텍쳐 구현하기"],
      ["14:40", "15:10", "스폰서 강연 - AWS를 활용한 Big Data 실전 배치 사례"],
      ["15:40", "16:10", "AWS상에서 게임서비스 최적화 방안"],
      ["16:20", "17:00", "AWS와 함께하는 DevOps 기술 이야기"],
      ["17:10", "17:50", "AWS 클라우드로 천만명 웹 서비스 확장하기"],
    ]);
    expect(plan.talks.map((t) => t.speakers)).toEqual([
      ["양승도 솔루션즈 아키텍트, 아마존 웹서비스"],
      ["김기완 솔루션즈 아키텍트, 아마존 웹서비스"],
      ["이한주 대표, 베스핀글로벌"],
      ["박선용 솔루션즈 아키텍트, 아마존 웹서비스"],
      ["박선용 솔루션즈 아키텍트, 아마존 웹서비스"],
      ["윤석찬 테크에반젤리스트, 아마존 웹서비스"],
    ]);
    const first = plan.talks[0];
    expect(first.headingSource).toBe("### 13:00 - 13:40 나에게 맞는 AWS 데이터베이스 서비스 선택하기");
    expect(first.body.split("\n")[0]).toBe("- 양승도 솔루션즈 아키텍트, 아마존 웹서비스"); // kept in the text too
    expect(first.body.split("\n").at(-1)).toContain("**분산 구성**");
  });

  it("makes the untimed sections, the keynote included, event notes (with a warning for the keynote)", () => {
    expect(plan.eventNotes.map((n) => n.heading)).toEqual([
      "AWS Summit 소개",
      "AWS에 대한 경험",
      "AWS Summit 2016 에 가게 된 계기",
      "환영사 및 기조 연설",
      "강연 트랙",
      "좋았던 점",
      "안 좋았던 점",
      "마무리",
      "참고자료",
    ]);
    expect(plan.eventNotes[3].body).toContain("Mike Clayville");
    expect(plan.warnings.some((w) => w.startsWith("keynote-as-note:") && w.includes("환영사 및 기조 연설"))).toBe(true);
  });

  it("loses no line and keeps the order", () => expectTextKept(source, plan));
});

describe("aws-summit-korea-2015.md (setext headings after an intro and a rule)", () => {
  const source = read("aws-summit-korea-2015.md");
  const plan = parseWriteup(source.toString("utf8"), { timeZone: "Asia/Seoul" });

  it("reads title, date and the space-separated categories", () => {
    expect(plan.event).toEqual({ name: "AWS Summit korea", date: "2015-04-21" });
    expect(plan.frontMatter.categories).toEqual(["Tech", "후기"]);
    expect(plan.frontMatter.extra).toEqual({ layout: "post" });
  });

  it("reads the date with its +0700 offset as a day in the event's zone", () => {
    // 16:10:49 +0700 is 23:10 the day before in Honolulu
    expect(parseWriteup(source, { timeZone: "Pacific/Honolulu" }).event.date).toBe("2015-04-20");
    expect(parseWriteup(source).event.date).toBe("2015-04-21"); // no zone: as written
  });

  it("finds the seven talks (no times in this post) and the intro", () => {
    expect(plan.talks.map((t) => t.title)).toEqual([
      "SM엔터테인먼트 on AWS",
      "AWS 최신 서비스 살펴보기 - Aurora, Lambda, EFS, Machine Learning, ECS",
      "국내 사례로 본 클라우드 운영 최적화",
      "엔터프라이즈에서의 하이브리드 환경 전략",
      "엔터프라이즈 클라우드 도입 및 고려사항",
      "Enteprise Application 마이그레이션 고려사항",
      "AWS를 통한 클라우드 보안 이해하기",
    ]);
    expect(plan.talks.every((t) => t.startTime === undefined && t.speakers === undefined)).toBe(true);
    expect(plan.talks[0]).toMatchObject({ headingSource: "SM엔터테인먼트 on AWS\n---", body: "잘 기억이....ㅡ.,ㅡ;" });
    expect(plan.eventNotes).toEqual([
      { sourceStartLine: 8, body: "AWS Summit korea에서 들었던 내용들을 시간순서대로 적어보았습니다.\n\n---" },
    ]);
    expect(plan.talks.at(-1)!.body.split("\n").at(-1)).toBe(
      "(나스닥에서 분석하고 redshift에서 암호화하는 부분을 사용중)",
    );
  });

  it("loses no line and keeps the order", () => expectTextKept(source, plan));
});

describe("awsome-day.md (## 세션 N with ### topics, --- under headings, trailing text)", () => {
  const source = read("awsome-day.md");
  const plan = parseWriteup(source, { fileName: "awsome-day.md" });

  it("reads title, tags, categories and keeps subtitle; no date anywhere", () => {
    expect(plan.event).toEqual({ name: "AWSome Day" });
    expect(plan.frontMatter).toEqual({
      title: "AWSome Day 후기",
      categories: ["review"],
      tags: ["aws", "event"],
      extra: { layout: "post", subtitle: "AWSome Day에 다녀왔다." },
    });
  });

  it("takes the date from a Jekyll file name when the front matter has none", () => {
    expect(parseWriteup(source, { fileName: "_posts/2017-06-08-awsome-day.md" }).event.date).toBe("2017-06-08");
  });

  it("makes each numbered session a talk, with its ### topics inside", () => {
    expect(plan.talks.map((t) => t.title)).toEqual(["세션 1", "세션 2", "세션 3", "세션 4", "세션 5", "세션 6"]);
    expect(plan.talks[0].body.startsWith("### 개회사\n---\n\n클라우드 인재의")).toBe(true);
    expect(plan.talks[0].body).toContain("#### 제공");
    expect(plan.talks[5].body.split("\n").at(-1)).toBe("보안 자격 증명 및 액세스 관리");
    expect(plan.eventNotes).toEqual([{ sourceStartLine: 9, body: "AWSome Day에 다녀왔다." }]);
  });

  it("loses no line and keeps the order", () => expectTextKept(source, plan));
});

describe("a long write-up (parsed in pieces, see markdown.ts)", () => {
  it("finds the same talks in a 125,000-character post, and code comments stay code", () => {
    const text = read("aws-summit-2016.md").toString("utf8");
    const body = text.slice(text.indexOf("\n---\n") + 5);
    const code = "\n```bash\n# 설치\n\nnpm i\n# 빌드\n```\n";
    const source = `---\ntitle: 긴 후기\n---\n${(body + code).repeat(25)}`;
    expect(source.length).toBeGreaterThan(100_000);
    const plan = parseWriteup(source);
    expect(plan.talks).toHaveLength(6 * 25);
    expect(plan.talks.slice(6, 12).map((t) => t.startTime)).toEqual([
      "13:00",
      "13:50",
      "14:40",
      "15:40",
      "16:20",
      "17:10",
    ]);
    expect(plan.eventNotes.filter((n) => n.heading === "참고자료").every((n) => n.body.endsWith("# 빌드\n```"))).toBe(
      true,
    );
    expect(lostLines(source, plan)).toEqual([]);
  });
});
