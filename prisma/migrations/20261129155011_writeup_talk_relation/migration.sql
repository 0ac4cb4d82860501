-- Writeup.talkId becomes a real relation to Talk (deleted with the talk, as its notes are). A
-- write-up whose talk is already gone could not be shown anywhere, so it goes before the key is added.
DELETE FROM "Writeup" WHERE "talkId" IS NOT NULL AND "talkId" NOT IN (SELECT "id" FROM "Talk");
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Writeup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "talkId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Writeup_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Writeup_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Writeup_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Writeup" ("body", "createdAt", "eventId", "id", "talkId", "teamId", "updatedAt") SELECT "body", "createdAt", "eventId", "id", "talkId", "teamId", "updatedAt" FROM "Writeup";
DROP TABLE "Writeup";
ALTER TABLE "new_Writeup" RENAME TO "Writeup";
CREATE INDEX "Writeup_eventId_idx" ON "Writeup"("eventId");
CREATE UNIQUE INDEX "Writeup_teamId_eventId_talkId_key" ON "Writeup"("teamId", "eventId", "talkId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

