import { describe, it, expect } from "vitest";
import { loadAwsCatalog } from "./aws-catalog";
import { createServiceMatcher } from "./service-matcher";
import { toJamo } from "./hangul";

const matcher = createServiceMatcher(loadAwsCatalog());
const slugs = (text: string) => matcher.findMentions(text).map((m) => m.slug);

describe("findMentions: Latin terms", () => {
  it("respects word boundaries against letters and digits", () => {
    expect(slugs("ECSTASY")).toEqual([]);
    expect(slugs("S3X and xEC2 and MyLambdaFn")).toEqual([]);
    expect(slugs("ECS, S3.")).toEqual(["ecs", "s3"]);
  });

  it("matches when Korean particles follow directly", () => {
    expect(slugs("S3에")).toEqual(["s3"]);
    expect(slugs("EC2에서 Lambda를 부르고 DynamoDB는 그대로")).toEqual(["ec2", "lambda", "dynamodb"]);
    expect(slugs("ECS서비스")).toEqual(["ecs"]);
  });

  it("is case-insensitive, but a Capitalized word is not an abbreviation", () => {
    expect(slugs("s3 redshift cloudwatch Ec2")).toEqual(["s3", "redshift", "cloudwatch", "ec2"]);
    expect(slugs("Sam said the ses was fine")).toEqual(["ses"]);
    expect(slugs("SAM 템플릿")).toEqual(["sam"]);
  });

  it("treats spaces, hyphens and CamelCase joints inside a term as optional", () => {
    for (const t of ["Auto Scaling", "AutoScaling", "auto-scaling"]) expect(slugs(t), t).toEqual(["ec2-auto-scaling"]);
    expect(slugs("AWS Code PipeLine")).toEqual(["codepipeline"]);
    expect(slugs("Route53, Route 53")).toEqual(["route53"]);
    expect(slugs("Dynamo DB")).toEqual(["dynamodb"]);
  });

  it("accepts either prefix on a full name", () => {
    expect(slugs("Amazon Lambda")).toEqual(["lambda"]);
    expect(matcher.findMentions("Amazon Lambda")[0].matched).toEqual(["Amazon Lambda"]);
  });

  it("needs the AWS/Amazon prefix for services named by ordinary words", () => {
    expect(slugs("Config file, Connect, Shield, Batch job, Backup, Polly, Support")).toEqual([]);
    expect(slugs("AWS Config와 Amazon Connect, AWS Backup")).toEqual(["config", "connect", "backup"]);
    expect(slugs("Machine Learning 세션")).toEqual([]);
    expect(slugs("AWS Machine Learning")).toEqual(["machine-learning"]);
  });

  it("prefers the longest term", () => {
    expect(slugs("S3 Glacier")).toEqual(["glacier"]);
    expect(slugs("S3 Glacier와 S3")).toEqual(["glacier", "s3"]);
    expect(slugs("AWS Elastic Beanstalk")).toEqual(["elastic-beanstalk"]);
    expect(slugs("Direct Connect")).toEqual(["direct-connect"]);
    expect(slugs("Application Auto Scaling")).toEqual(["application-auto-scaling"]);
    expect(slugs("RDS Aurora")).toEqual(["aurora"]);
    expect(slugs("EC2 Container Service")).toEqual(["ecs"]);
  });
});

describe("findMentions: Korean terms", () => {
  it("matches with particles attached", () => {
    expect(slugs("람다와 람다를")).toEqual(["lambda"]);
    expect(slugs("글래시어는 싸다")).toEqual(["glacier"]);
    expect(slugs("아테나로는 s3에 질의")).toEqual(["athena", "s3"]);
    expect(slugs("렉스가 말했다")).toEqual(["lex"]);
  });

  it("treats spaces inside Korean terms as optional", () => {
    for (const t of ["오토스케일링", "오토 스케일링 그룹"]) expect(slugs(t), t).toEqual(["ec2-auto-scaling"]);
    for (const t of ["클라우드 왓치", "클라우드왓치", "클라우드 와치"]) expect(slugs(t), t).toEqual(["cloudwatch"]);
    expect(slugs("다이나모DB와 API 게이트웨이")).toEqual(["dynamodb", "api-gateway"]);
  });

  it("does not match inside other Korean words", () => {
    for (const t of ["폴리시", "폴리곤", "나폴리", "폴리에스터", "플렉스", "렉스턴", "람다식", "티렉스"]) {
      expect(slugs(t), t).toEqual([]);
    }
    expect(slugs("아마존람다")).toEqual(["lambda"]);
  });

  it("counts mentions and reports what was written", () => {
    expect(matcher.findMentions("글: Lambda, 람다, AWS Lambda. 다시 람다")).toEqual([
      { slug: "lambda", count: 4, firstIndex: 3, matched: ["Lambda", "람다", "AWS Lambda"] },
    ]);
  });
});

describe("search", () => {
  const top = (q: string) => matcher.search(q)[0]?.slug;

  it("finds services by Korean spelling", () => {
    expect(top("람다")).toBe("lambda");
    expect(top("다이나모")).toBe("dynamodb");
    expect(top("클라우드 왓치")).toBe("cloudwatch");
    expect(top("빈스")).toBe("elastic-beanstalk");
  });

  it("works while a Korean IME is still composing", () => {
    expect(toJamo("다이")).toBe("ㄷㅏㅇㅣ");
    expect(top("람ㄷ")).toBe("lambda");
    expect(top("당")).toBe("dynamodb"); // "다" + "ㅇ" before "ㅣ" turns it into "다이"
  });

  it("ranks exact and prefix matches first, case-insensitively", () => {
    expect(top("dyn")).toBe("dynamodb");
    expect(top("S3")).toBe("s3");
    expect(top("ec2")).toBe("ec2");
    expect(top("lambda")).toBe("lambda");
    expect(top("aws lam")).toBe("lambda");
    expect(top("auto")).toBe("ec2-auto-scaling");
    expect(matcher.search("s3").map((r) => r.slug)).toContain("glacier");
  });

  it("finds by a word inside the name and respects the limit", () => {
    expect(matcher.search("beanstalk")[0]).toMatchObject({ slug: "elastic-beanstalk", name: "AWS Elastic Beanstalk" });
    expect(matcher.search("config").map((r) => r.slug)).toEqual(expect.arrayContaining(["config", "appconfig"]));
    expect(matcher.search("a", 5)).toHaveLength(5);
    expect(matcher.search("   ")).toEqual([]);
    expect(matcher.search("zzzz")).toEqual([]);
  });
});

describe("createServiceMatcher", () => {
  it("works on a hand-made list (e.g. rows from the database)", () => {
    const m = createServiceMatcher([
      { slug: "lambda", name: "AWS Lambda", shortName: "Lambda", aliases: [{ alias: "람다", locale: "ko" }] },
      { slug: "config", name: "AWS Config", shortName: "Config", aliases: [] },
    ]);
    expect(m.findMentions("람다 config AWS Config").map((x) => x.slug)).toEqual(["lambda", "config"]);
    expect(createServiceMatcher([]).findMentions("anything")).toEqual([]);
  });
});
