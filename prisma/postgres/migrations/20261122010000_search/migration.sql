-- Full-text search for notes (lib/search/postgres-search.ts reads this).
--
-- A pg_trgm GIN index makes `lower("body") LIKE '%term%'` an index lookup for terms of 3+
-- characters, Korean included (substring matching, no word segmentation needed). The search uses
-- it when a reader can see many notes. Talks and speakers get no index: there are a few thousand,
-- and scanning them with plain LIKE measured faster than any index plan (see lib/search/README.md).
--
-- The index is on lower("body"), an expression: Prisma's schema differ ignores expression indexes,
-- so `prisma migrate dev` does not try to drop it (a plain index on "body" would be dropped).
--
-- pg_trgm ships with PostgreSQL's contrib and is a trusted extension (PostgreSQL 13+), so a database
-- owner may create it. Where it is missing the migration still succeeds, without the index, and
-- search keeps working with sequential scans (the migration log shows a NOTICE).
--
-- Why E'...' strings with \073 instead of $$ bodies: Prisma applies this file through
-- @prisma/adapter-pg, whose executeScript splits the script at EVERY semicolon character (even
-- inside quotes and comments). \073 is a semicolon that only PostgreSQL sees.

DO E'BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm\073
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE ''pg_trgm is not available (%), search works without a trigram index'', SQLERRM\073
END';

DO E'BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = ''pg_trgm'') THEN
        CREATE INDEX IF NOT EXISTS "Note_body_search_idx" ON "Note" USING gin (lower("body") gin_trgm_ops)\073
    END IF\073
END';
