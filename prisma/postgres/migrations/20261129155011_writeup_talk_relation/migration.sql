-- Writeup.talkId becomes a real relation to Talk (deleted with the talk, as its notes are). A
-- write-up whose talk is already gone could not be shown anywhere, so it goes before the key is added.
DELETE FROM "Writeup" WHERE "talkId" IS NOT NULL AND "talkId" NOT IN (SELECT "id" FROM "Talk");
-- AddForeignKey
ALTER TABLE "Writeup" ADD CONSTRAINT "Writeup_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

