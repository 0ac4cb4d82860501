import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { CURATED_ALIASES, PREFIX_ONLY } from "./aliases";
import { awsIconsPackageDir, loadAwsCatalog } from "./aws-catalog";
import { termKeys } from "./service-matcher";

const catalog = loadAwsCatalog();
const bySlug = new Map(catalog.map((s) => [s.slug, s]));

describe("loadAwsCatalog", () => {
  it("has at least 200 services with unique slugs", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(200);
    expect(new Set(catalog.map((s) => s.slug)).size).toBe(catalog.length);
    expect(new Set(catalog.map((s) => s.name)).size).toBe(catalog.length);
  });

  it("gives every service a url-safe slug, a name, a short name and a category", () => {
    for (const s of catalog) {
      expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.name.trim()).toBe(s.name);
      expect(s.shortName).not.toMatch(/^(AWS|Amazon) /);
      expect(s.category.length).toBeGreaterThan(0);
    }
    expect(new Set(catalog.map((s) => s.category))).toContain("Networking & Content Delivery");
  });

  it("points icons at existing files inside the package", () => {
    const dir = awsIconsPackageDir();
    for (const s of catalog) if (s.icon) expect(fs.existsSync(path.join(dir, s.icon)), s.icon).toBe(true);
    expect(catalog.filter((s) => s.icon).length).toBeGreaterThanOrEqual(200);
    expect(catalog.some((s) => s.icon?.includes("_Dark"))).toBe(false);
  });

  it("has the well-known services under their obvious slugs", () => {
    const expected: Record<string, string> = {
      ec2: "Amazon EC2",
      s3: "Amazon Simple Storage Service",
      lambda: "AWS Lambda",
      dynamodb: "Amazon DynamoDB",
      rds: "Amazon RDS",
      aurora: "Amazon Aurora",
      ebs: "Amazon Elastic Block Store",
      efs: "Amazon Elastic File System",
      iam: "AWS Identity and Access Management",
      vpc: "Amazon Virtual Private Cloud",
      sqs: "Amazon Simple Queue Service",
      sns: "Amazon Simple Notification Service",
      ses: "Amazon Simple Email Service",
      ecs: "Amazon Elastic Container Service",
      eks: "Amazon Elastic Kubernetes Service",
      ecr: "Amazon Elastic Container Registry",
      "api-gateway": "Amazon API Gateway",
      athena: "Amazon Athena",
      quicksight: "Amazon QuickSight",
      snowball: "AWS Snowball",
      "machine-learning": "Amazon Machine Learning",
      "elastic-transcoder": "Amazon Elastic Transcoder",
      opsworks: "AWS OpsWorks",
      "elastic-beanstalk": "AWS Elastic Beanstalk",
      glacier: "Amazon S3 Glacier",
      kinesis: "Amazon Kinesis",
      elasticache: "Amazon ElastiCache",
      redshift: "Amazon Redshift",
      rekognition: "Amazon Rekognition",
      polly: "Amazon Polly",
      lex: "Amazon Lex",
      cloudwatch: "Amazon CloudWatch",
      "ec2-auto-scaling": "Amazon EC2 Auto Scaling",
      elb: "Elastic Load Balancing",
      cloudfront: "Amazon CloudFront",
      route53: "Amazon Route 53",
      "iot-core": "AWS IoT Core",
      "x-ray": "AWS X-Ray",
      sso: "AWS Single Sign-On",
      bedrock: "Amazon Bedrock",
      sam: "AWS Serverless Application Model",
    };
    for (const [slug, name] of Object.entries(expected)) expect(bySlug.get(slug)?.name, slug).toBe(name);
    expect(bySlug.get("s3")?.shortName).toBe("S3");
    expect(bySlug.get("lambda")?.shortName).toBe("Lambda");
    expect(bySlug.get("aurora")).toMatchObject({ shortName: "Aurora", category: "Database" });
    expect(bySlug.get("api-gateway")?.icon).toContain("Arch_ Amazon-API-Gateway_48.svg"); // stray space kept
    expect(bySlug.get("machine-learning")?.icon).toBeNull();
  });

  it("lists a service that sits in two icon folders once, under the first folder", () => {
    expect(catalog.filter((s) => s.slug === "fargate")).toHaveLength(1);
    expect(bySlug.get("fargate")?.category).toBe("Compute");
    expect(catalog.filter((s) => s.name === "Amazon Elastic Kubernetes Service")).toHaveLength(1);
  });

  it("merges curated aliases with locales, and keeps ordinary-word short names out", () => {
    expect(bySlug.get("lambda")?.aliases).toContainEqual({ alias: "람다", locale: "ko" });
    expect(bySlug.get("lambda")?.aliases).toContainEqual({ alias: "Lambda", locale: "en" });
    expect(bySlug.get("elb")?.aliases).toContainEqual({ alias: "ALB", locale: "en" });
    for (const slug of ["config", "connect", "shield", "batch", "backup", "polly"]) {
      const words = bySlug.get(slug)!.aliases.map((a) => a.alias.toLowerCase());
      expect(words, slug).not.toContain(slug);
    }
  });

  it("only curates slugs that exist, and no alias points at two services", () => {
    for (const slug of [...Object.keys(CURATED_ALIASES), ...PREFIX_ONLY]) expect(bySlug.has(slug), slug).toBe(true);
    const owner = new Map<string, string>();
    for (const s of catalog) {
      for (const key of [s.name, ...s.aliases.map((a) => a.alias)].flatMap(termKeys)) {
        expect(owner.get(key) ?? s.slug, key).toBe(s.slug);
        owner.set(key, s.slug);
      }
    }
  });
});

describe("the catalog is current", () => {
  it("has services launched 2022–2025 (from the AWS SDK list and the curated products)", () => {
    const recent = [
      "bedrock",
      "q",
      "q-business",
      "q-developer",
      "verified-permissions",
      "security-lake",
      "datazone",
      "clean-rooms",
      "b2b-data-interchange",
      "deadline-cloud",
      "opensearch-ingestion",
      "opensearch-serverless",
      "codecatalyst",
      "application-composer",
      "verified-access",
      "trainium",
      "inferentia",
      "graviton",
      "nitro",
      "eventbridge-pipes",
      "eventbridge-scheduler",
      "vpc-lattice",
      "emr-serverless",
      "redshift-serverless",
      "timestream-for-influxdb",
    ];
    for (const slug of recent) expect(bySlug.has(slug), slug).toBe(true);
    const launched = catalog.filter((s) => s.launched !== undefined && s.launched >= 2022 && s.launched <= 2025);
    expect(launched.length).toBeGreaterThanOrEqual(30);
  });

  it("matches the SDK services by their full name only; names nobody curated never match alone", () => {
    expect(bySlug.get("security-lake")?.aliases).toEqual([]);
    expect(bySlug.get("q")?.aliases.map((a) => a.alias)).not.toContain("Q");
  });
});
