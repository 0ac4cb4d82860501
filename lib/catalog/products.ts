// AWS products people name in write-ups that have no API of their own (chips, the Nitro System,
// the SDKs themselves, Amazon Q as a family), or whose API sits inside another service's (Verified
// Access is part of the EC2 API). The SDK list (data/aws-sdk-services.json) cannot know them.
import type { CatalogService } from "./aws-catalog";

export type CuratedProduct = Omit<CatalogService, "aliases" | "icon"> & { launched: number };

export const CURATED_PRODUCTS: readonly CuratedProduct[] = [
  { slug: "graviton", name: "AWS Graviton", shortName: "Graviton", category: "Compute", launched: 2018 },
  { slug: "inferentia", name: "AWS Inferentia", shortName: "Inferentia", category: "Machine Learning", launched: 2019 },
  { slug: "trainium", name: "AWS Trainium", shortName: "Trainium", category: "Machine Learning", launched: 2022 },
  { slug: "nitro", name: "AWS Nitro System", shortName: "Nitro", category: "Compute", launched: 2017 },
  { slug: "q", name: "Amazon Q", shortName: "Q", category: "Machine Learning", launched: 2023 },
  {
    slug: "q-developer",
    name: "Amazon Q Developer",
    shortName: "Q Developer",
    category: "Developer Tools",
    launched: 2024,
  },
  { slug: "sdk", name: "AWS SDK", shortName: "SDK", category: "Developer Tools", launched: 2006 },
  {
    slug: "application-composer",
    name: "AWS Application Composer",
    shortName: "Application Composer",
    category: "Developer Tools",
    launched: 2022,
  },
  {
    slug: "verified-access",
    name: "AWS Verified Access",
    shortName: "Verified Access",
    category: "Security, Identity & Compliance",
    launched: 2023,
  },
];
