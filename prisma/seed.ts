// `npm run db:seed`: migrate (if needed) and seed the database DATABASE_URL names.
import { prepareDatabase } from "../scripts/prepare-database";

prepareDatabase(process.env.DATABASE_URL).catch((e: unknown) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
