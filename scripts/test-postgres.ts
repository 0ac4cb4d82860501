// One throw-away PostgreSQL cluster for a whole `npm test` run (scripts/test.sh): vitest and the
// PostgreSQL browser run each create their databases in it instead of starting a cluster each.
//   tsx scripts/test-postgres.ts start   → prints TEST_POSTGRES_URL=… and TEST_POSTGRES_DIR=…
//   tsx scripts/test-postgres.ts stop <dir>
import { startThrowawayPostgres, stopThrowawayPostgres } from "../lib/testing/throwaway-postgres";

const [command, dir] = process.argv.slice(2);
if (command === "start") {
  const cluster = await startThrowawayPostgres();
  console.log(`TEST_POSTGRES_URL=${cluster.url}`);
  console.log(`TEST_POSTGRES_DIR=${cluster.dir}`);
} else if (command === "stop" && dir) {
  stopThrowawayPostgres(dir);
} else {
  console.error("usage: tsx scripts/test-postgres.ts start | stop <dir>");
  process.exit(2);
}
