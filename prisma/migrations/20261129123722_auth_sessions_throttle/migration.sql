-- Issue 12: sessions that sign-out can end (UserSession, one row per signed-in session) and one
-- throttle table for sign-in, sign-up and change-password (ThrottleCounter, a counter per bucket
-- and window). It replaces SignInAttempt, whose rows were only failed sign-ins that nothing else read.
-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "SignInAttempt";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThrottleCounter" (
    "bucket" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "windowStart" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "UserSession_expiresAt_idx" ON "UserSession"("expiresAt");

-- CreateIndex
CREATE INDEX "ThrottleCounter_windowStart_idx" ON "ThrottleCounter"("windowStart");
