// Vitest settings for the cluster test alone (scripts/test-cluster.ts runs it; the main
// vitest.config.ts does not pick up *.spec.ts). One file, its cases in order on one cluster.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": path.resolve(root, "lib/testing/server-only-stub.ts") } },
  test: {
    include: ["scripts/test-cluster.spec.ts"],
    environment: "node",
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    // Instances start in ~10 s on an idle 2-core machine, several times that while it builds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
