// The AWS service catalog, built from AWS's official Architecture Service Icons (package
// `aws-svg-icons`, July 2021 set) plus a small hand-written supplement for services the icon set
// lacks. Curated aliases (abbreviations, Korean spellings) come from ./aliases.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { CURATED_ALIASES, PREFIX_ONLY } from "./aliases";

export type AliasLocale = "en" | "ko";
export type CatalogAlias = { alias: string; locale: AliasLocale };
export type CatalogService = {
  slug: string;
  name: string; // official name, e.g. "Amazon DynamoDB"
  shortName: string; // without "Amazon "/"AWS ", or the usual abbreviation ("S3", "EBS")
  category: string;
  icon: string | null; // path relative to the aws-svg-icons package dir
  // Every alias here is meant to match on its own in free text (see service-matcher.ts). Short
  // names that are ordinary words ("Config", "Backup") are left out, so only "AWS Config" matches.
  aliases: CatalogAlias[];
};

const PREFIX = /^(?:AWS|Amazon)\s+/;

// Folder name (without "Arch_") -> label. Anything not listed: hyphens/underscores become spaces.
const CATEGORY_LABELS: Record<string, string> = {
  "Front-End-Web-Mobile": "Front-End Web & Mobile",
  "General-Icons": "General",
  "Management-Governance": "Management & Governance",
  "Migration-Transfer": "Migration & Transfer",
  "Networking-Content-Delivery": "Networking & Content Delivery",
  "Security-Identity-Compliance": "Security, Identity & Compliance",
  "VR-AR": "AR & VR",
  "End-User-Computing": "End User Computing",
};

// File names lose hyphens that belong in official names; put them back.
const NAME_FIXES: [RegExp, string][] = [
  [/\bX Ray\b/, "X-Ray"],
  [/\bSign On\b/, "Sign-On"],
  [/\bSite to Site\b/, "Site-to-Site"],
  [/\b1 Click\b/, "1-Click"],
  [/\bWell Architected\b/, "Well-Architected"],
  [/\bThinkBox\b/, "Thinkbox"],
  [/\bFor Business\b/, "for Business"],
];

// Per-service corrections keyed by the name derived from the file name. `name: null` drops the
// icon (instance families are not services). A renamed entry that collides with another is merged.
type Override = { name?: string | null; shortName?: string; slug?: string };
const OVERRIDES: Record<string, Override> = {
  "Amazon Simple Storage Service": { shortName: "S3" },
  "Amazon Simple Storage Service Glacier": { name: "Amazon S3 Glacier", slug: "glacier" },
  "Amazon Elastic Block Store": { shortName: "EBS" },
  "Amazon Elastic File System": { shortName: "EFS" },
  "Amazon Elastic Container Service": { shortName: "ECS" },
  "Amazon Elastic Container Registry": { shortName: "ECR" },
  "Amazon Elastic Kubernetes Service": { shortName: "EKS" },
  // The Compute folder ships EKS under a garbled name, and an "EKS Cloud" variant of the same icon.
  "Amazon Elastic Container Kubernetes": { name: "Amazon Elastic Kubernetes Service", shortName: "EKS" },
  "Amazon EKS Cloud": { name: "Amazon Elastic Kubernetes Service", shortName: "EKS" },
  "Amazon Simple Notification Service": { shortName: "SNS" },
  "Amazon Simple Queue Service": { shortName: "SQS" },
  "Amazon Simple Email Service": { shortName: "SES" },
  "Amazon Virtual Private Cloud": { shortName: "VPC" },
  "AWS Identity and Access Management": { shortName: "IAM" },
  "AWS Key Management Service": { shortName: "KMS" },
  "AWS Certificate Manager": { slug: "acm" },
  "Elastic Load Balancing": { slug: "elb" },
  "AWS Database Migration Service": { slug: "dms" },
  "Amazon Managed Streaming for Apache Kafka": { shortName: "MSK" },
  "AWS Cloud Development Kit": { shortName: "CDK" },
  "AWS Command Line Interface": { shortName: "CLI" },
  "AWS Single Sign-On": { slug: "sso" },
  "Amazon Quantum Ledger Database": { shortName: "QLDB" },
  "Amazon Managed Workflows for Apache Airflow": { shortName: "MWAA" },
  "Amazon Route 53": { slug: "route53" },
  "Amazon Kinesis Firehose": { name: "Amazon Kinesis Data Firehose" },
  "Amazon Augmented AI A2I": { name: "Amazon Augmented AI" },
  "Amazon AppStream": { name: "Amazon AppStream 2.0", slug: "appstream" },
  "AWS Training Certification": { name: "AWS Training and Certification" },
  "Red Hat OpenShift": { name: "Red Hat OpenShift Service on AWS", slug: "rosa" },
  "Reserved Instance Reporting": { name: "AWS Reserved Instance Reporting" },
  "Savings Plans": { name: "AWS Savings Plans" },
  "Amazon EC2 M5n": { name: null },
  "Amazon EC2 R5n": { name: null },
};

// Services people still write about (older write-ups, newer launches) that the 2021 icon set lacks.
const SUPPLEMENT: Omit<CatalogService, "aliases" | "icon">[] = [
  { slug: "machine-learning", name: "Amazon Machine Learning", shortName: "Machine Learning", category: "Machine Learning" },
  { slug: "bedrock", name: "Amazon Bedrock", shortName: "Bedrock", category: "Machine Learning" },
  { slug: "sam", name: "AWS Serverless Application Model", shortName: "SAM", category: "Developer Tools" },
  { slug: "swf", name: "Amazon Simple Workflow Service", shortName: "SWF", category: "App Integration" },
  { slug: "simpledb", name: "Amazon SimpleDB", shortName: "SimpleDB", category: "Database" },
  { slug: "memorydb", name: "Amazon MemoryDB for Redis", shortName: "MemoryDB", category: "Database" },
];

/** Directory of the installed aws-svg-icons package (works under vitest, tsx and plain node). */
export function awsIconsPackageDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve("aws-svg-icons/package.json"));
  } catch {
    // Bundlers may rewrite import.meta.url / require; the app always runs from the repo root.
    return path.join(process.cwd(), "node_modules", "aws-svg-icons");
  }
}

export function slugify(shortName: string): string {
  return shortName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function nameFromFile(file: string): string {
  // "Arch_ Amazon-API-Gateway_48.svg" -> "Amazon API Gateway"; "Arch_AWS-Marketplace_Light_48.svg"
  // and "Arch_Amazon-S3-on-Outposts_Storage_48.svg" carry a variant suffix after "_".
  const stem = file.replace(/^Arch_\s*/, "").split("_")[0].trim();
  return NAME_FIXES.reduce((name, [re, fix]) => name.replace(re, fix), stem.replace(/-/g, " ").replace(/\s+/g, " "));
}

function categoryLabel(folder: string): string {
  const key = folder.replace(/^Arch_/, "");
  return CATEGORY_LABELS[key] ?? key.replace(/[-_]+/g, " ");
}

type Base = Omit<CatalogService, "aliases">;

function readIconServices(pkgDir: string): Base[] {
  const libDir = path.join(pkgDir, "lib");
  const setDir = fs.readdirSync(libDir).filter((d) => d.startsWith("Architecture-Service-Icons")).sort()[0];
  if (!setDir) throw new Error(`aws-svg-icons: no Architecture-Service-Icons folder in ${libDir}`);
  const out: Base[] = [];
  for (const folder of fs.readdirSync(path.join(libDir, setDir)).sort()) {
    const sizeDir = ["48", "Arch_48"].find((d) => fs.existsSync(path.join(libDir, setDir, folder, d)));
    if (!sizeDir) continue;
    for (const file of fs.readdirSync(path.join(libDir, setDir, folder, sizeDir)).sort()) {
      if (!file.endsWith(".svg") || file.includes("_Dark")) continue;
      const derived = nameFromFile(file);
      const o = OVERRIDES[derived] ?? {};
      if (o.name === null) continue;
      const name = o.name ?? derived;
      const shortName = o.shortName ?? name.replace(PREFIX, "");
      out.push({
        slug: o.slug ?? slugify(shortName),
        name,
        shortName,
        category: categoryLabel(folder),
        icon: ["lib", setDir, folder, sizeDir, file].join("/"),
      });
    }
  }
  return out;
}

function aliasesFor(s: Base): CatalogAlias[] {
  const list: CatalogAlias[] = [];
  const seen = new Set([s.name.toLowerCase()]);
  const add = (alias: string, locale: AliasLocale) => {
    const key = alias.toLowerCase();
    if (!alias || seen.has(key)) return;
    seen.add(key);
    list.push({ alias, locale });
  };
  // The name minus its prefix and the short name match on their own unless they are ordinary words.
  if (!PREFIX_ONLY.has(s.slug)) {
    add(s.shortName, "en");
    add(s.name.replace(PREFIX, ""), "en");
  }
  const curated = CURATED_ALIASES[s.slug];
  for (const a of curated?.en ?? []) add(a, "en");
  for (const a of curated?.ko ?? []) add(a, "ko");
  return list;
}

/** All AWS services, read from the installed icon package at call time. Order: category folder,
 *  then file name; a service listed in two categories keeps the first. */
export function loadAwsCatalog(): CatalogService[] {
  const bySlug = new Map<string, Base>();
  for (const s of [...readIconServices(awsIconsPackageDir()), ...SUPPLEMENT.map((s) => ({ ...s, icon: null }))]) {
    if (!bySlug.has(s.slug)) bySlug.set(s.slug, s);
  }
  return [...bySlug.values()].map((s) => ({ ...s, aliases: aliasesFor(s) }));
}
