-- A talk imported from a write-up that gave no time: its startsAt/endsAt only keep the post's order.
ALTER TABLE "Talk" ADD COLUMN "timeUnknown" BOOLEAN NOT NULL DEFAULT false;
