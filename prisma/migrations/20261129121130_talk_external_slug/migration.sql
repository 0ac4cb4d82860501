-- A talk keeps the slug its source gave it (frab/pretalx/hub schedules), so an export gives it back.
ALTER TABLE "Talk" ADD COLUMN "externalSlug" TEXT;
