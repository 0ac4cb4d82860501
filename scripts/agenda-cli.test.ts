// The agenda and write-up CLIs on a database nobody has migrated (no npm start yet): they migrate
// it first, as npm start does, instead of printing Prisma's "table does not exist". Then an
// import → export through the CLIs gives files the c3voc validators accept. Both databases.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { SCHEDULE_V2 } from "../lib/agenda/test-fixtures-v2";
import { scheduleJsonErrors, scheduleXmlErrors } from "../lib/agenda/validators/validate";
import { freshTestDatabase, PROVIDERS } from "../lib/testing/databases";
import { migrateDatabase } from "./migrate-database";

const dir = mkdtempSync(path.join(os.tmpdir(), "summit-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hubFile = path.join(dir, "hub.json");
writeFileSync(hubFile, JSON.stringify(SCHEDULE_V2));
const postFile = path.join(dir, "2024-05-16-notes.md");
writeFileSync(postFile, "---\ntitle: Notes\n---\n\n## 10:00 Keynote\n\nGood.\n");

function cli(script: string, args: string[], url: string) {
  const res = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), `scripts/${script}.ts`, ...args],
    {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe("CLIs on a database that is not migrated yet", () => {
  for (const provider of PROVIDERS) {
    it(`agenda import and export migrate it first, then work [${provider}]`, async () => {
      const { url, drop } = await freshTestDatabase(provider, { unmigrated: true });
      onTestFinished(drop);
      const imported = cli("agenda-import", [hubFile, "--event", "hubcon24"], url);
      expect(imported.stderr).toMatch(
        /^agenda-import: the database at .+ was not up to date; applied \d+ migration\(s\) first$/m,
      );
      expect(imported.stderr).not.toMatch(/prisma|does not exist/i);
      expect(imported.stdout).toContain("Created event 'hubcon24'");
      expect(imported.status).toBe(0);

      // Up to date now: no second migration, no message.
      const xml = cli("agenda-export", ["hubcon24", "--format", "xml", "--base-url", "https://notes.example.com"], url);
      expect(xml.stderr).toBe("");
      expect(xml.status).toBe(0);
      expect(scheduleXmlErrors(xml.stdout)).toEqual([]);
      const json = cli("agenda-export", ["hubcon24", "--format", "json"], url);
      expect(json.status).toBe(0);
      expect(scheduleJsonErrors(json.stdout)).toEqual([]);
      expect(JSON.parse(json.stdout).schedule.conference.url).toMatch(/^https?:\/\/[^/]+\/events\/hubcon24$/); // NEXTAUTH_URL, else localhost:$PORT
    }, 240_000);
  }

  // The migrate step is the one above (both providers); each CLI's use of it, on SQLite files.
  it("agenda export and the write-up CLIs give their own message, not Prisma's", async () => {
    for (const [script, args, message] of [
      ["agenda-export", ["no-such-event", "--format", "xml"], "agenda-export: no event with the slug 'no-such-event'"],
      [
        "writeup-export",
        ["no-such-event", "--user", "nobody@example.test"],
        "writeup-export: no active user with the email 'nobody@example.test'",
      ],
      [
        "writeup-import",
        [postFile, "--user", "nobody@example.test"],
        "writeup-import: no active user with the email 'nobody@example.test'",
      ],
    ] as const) {
      const { url, drop } = await freshTestDatabase("sqlite", { unmigrated: true });
      onTestFinished(drop);
      const run = cli(script, [...args], url);
      expect(run.stderr, script).toMatch(/was not up to date; applied \d+ migration\(s\) first/);
      expect(run.stderr, script).toContain(message);
      expect(run.stderr, script).not.toMatch(/does not exist|P\d{4}|prisma/i);
      expect(run.status, script).not.toBe(0);
    }
  }, 240_000);

  it("an up-to-date database is not migrated again", async () => {
    const { url, drop } = await freshTestDatabase("sqlite");
    onTestFinished(drop);
    expect((await migrateDatabase(url)).applied).toEqual([]);
  });
});
