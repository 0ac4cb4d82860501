-- Full-text search for notes and talks (lib/search/sqlite-search.ts reads these).
--
-- FTS5 with the trigram tokenizer: case-insensitive substring matching for terms of 3+ characters,
-- which is what Korean needs ("이나모" inside "다이나모DB"; no word segmentation required). Terms of
-- 1-2 characters cannot use a trigram index; the search falls back to LIKE on the source columns.
--
-- The FTS tables are contentless (content=''): the text stays only in "Note"/"Talk", the index holds
-- just the trigrams. Their rowids come from the *SearchKey tables, not from the implicit rowid of
-- "Note"/"Talk": that rowid is not stable (Prisma redefines a table by copying its rows into a new one).
--
-- Kept in sync by the triggers below. NOTE for future migrations: when Prisma redefines "Note" or
-- "Talk" (DROP TABLE + RENAME), SQLite drops these triggers with the old table. Such a migration
-- must re-create them (copy them from this file); the index rows survive because they are keyed by id.
--
-- Prisma does not know these tables: add them to `tables.external` in prisma.config.ts, otherwise
-- `prisma migrate dev` generates a migration that drops the FTS shadow tables (see lib/search/README.md).

CREATE TABLE "NoteSearchKey" (
    "ftsRowid" INTEGER NOT NULL PRIMARY KEY,
    "noteId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "NoteSearchKey_noteId_key" ON "NoteSearchKey"("noteId");

CREATE VIRTUAL TABLE "NoteSearch" USING fts5(
    "body",
    tokenize = 'trigram',
    content = '',
    contentless_delete = 1
);

CREATE TABLE "TalkSearchKey" (
    "ftsRowid" INTEGER NOT NULL PRIMARY KEY,
    "talkId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "TalkSearchKey_talkId_key" ON "TalkSearchKey"("talkId");

CREATE VIRTUAL TABLE "TalkSearch" USING fts5(
    "title",
    "abstract",
    tokenize = 'trigram',
    content = '',
    contentless_delete = 1
);

-- Backfill: a database that already has notes and talks gets them indexed here.
INSERT INTO "NoteSearchKey" ("noteId") SELECT "id" FROM "Note" ORDER BY "createdAt";
INSERT INTO "NoteSearch" ("rowid", "body")
    SELECT k."ftsRowid", n."body" FROM "NoteSearchKey" k JOIN "Note" n ON n."id" = k."noteId";
INSERT INTO "TalkSearchKey" ("talkId") SELECT "id" FROM "Talk" ORDER BY "createdAt";
INSERT INTO "TalkSearch" ("rowid", "title", "abstract")
    SELECT k."ftsRowid", t."title", t."abstract" FROM "TalkSearchKey" k JOIN "Talk" t ON t."id" = k."talkId";

-- Notes. Cascading deletes (an event, a talk, a user) fire the DELETE trigger too.
CREATE TRIGGER "Note_search_insert" AFTER INSERT ON "Note" BEGIN
    INSERT INTO "NoteSearchKey" ("noteId") VALUES (new."id");
    INSERT INTO "NoteSearch" ("rowid", "body")
        SELECT "ftsRowid", new."body" FROM "NoteSearchKey" WHERE "noteId" = new."id";
END;

CREATE TRIGGER "Note_search_update" AFTER UPDATE OF "body" ON "Note"
WHEN old."body" IS NOT new."body" BEGIN
    DELETE FROM "NoteSearch" WHERE "rowid" = (SELECT "ftsRowid" FROM "NoteSearchKey" WHERE "noteId" = old."id");
    INSERT INTO "NoteSearch" ("rowid", "body")
        SELECT "ftsRowid", new."body" FROM "NoteSearchKey" WHERE "noteId" = new."id";
END;

CREATE TRIGGER "Note_search_delete" AFTER DELETE ON "Note" BEGIN
    DELETE FROM "NoteSearch" WHERE "rowid" = (SELECT "ftsRowid" FROM "NoteSearchKey" WHERE "noteId" = old."id");
    DELETE FROM "NoteSearchKey" WHERE "noteId" = old."id";
END;

-- Talks (speaker names are matched on "Speaker" directly: a few thousand short strings).
CREATE TRIGGER "Talk_search_insert" AFTER INSERT ON "Talk" BEGIN
    INSERT INTO "TalkSearchKey" ("talkId") VALUES (new."id");
    INSERT INTO "TalkSearch" ("rowid", "title", "abstract")
        SELECT "ftsRowid", new."title", new."abstract" FROM "TalkSearchKey" WHERE "talkId" = new."id";
END;

CREATE TRIGGER "Talk_search_update" AFTER UPDATE OF "title", "abstract" ON "Talk"
WHEN old."title" IS NOT new."title" OR old."abstract" IS NOT new."abstract" BEGIN
    DELETE FROM "TalkSearch" WHERE "rowid" = (SELECT "ftsRowid" FROM "TalkSearchKey" WHERE "talkId" = old."id");
    INSERT INTO "TalkSearch" ("rowid", "title", "abstract")
        SELECT "ftsRowid", new."title", new."abstract" FROM "TalkSearchKey" WHERE "talkId" = new."id";
END;

CREATE TRIGGER "Talk_search_delete" AFTER DELETE ON "Talk" BEGIN
    DELETE FROM "TalkSearch" WHERE "rowid" = (SELECT "ftsRowid" FROM "TalkSearchKey" WHERE "talkId" = old."id");
    DELETE FROM "TalkSearchKey" WHERE "talkId" = old."id";
END;
