import { writeFileSync } from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA, readSqliteSchema } from "./pg-schema";

writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readSqliteSchema()));
console.log(`wrote ${POSTGRES_SCHEMA}`);
