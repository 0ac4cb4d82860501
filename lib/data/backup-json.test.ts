// A backup file is JSON from anywhere: prototype keys in it reach no object.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { BACKUP_FORMAT, BACKUP_VERSION, TABLE_ORDER } from "../validations/backup";
import { parseBackup, readBackupJson } from "./backup";

const empty = Object.fromEntries(TABLE_ORDER.map((t) => [t, []]));
const envelope = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  scope: "user",
  exportedAt: "2024-01-01T00:00:00.000Z",
  tables: empty,
};
const user = {
  id: "u1",
  email: "a@example.test",
  name: "A",
  passwordHash: null,
  role: "MEMBER",
  locale: null,
  disabledAt: null,
  sessionEpoch: 0,
  icsToken: null,
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: "2024-01-01T00:00:00.000Z",
};
// __proto__ at the envelope, in the tables object and in a row; constructor.prototype beside them.
const HOSTILE = JSON.stringify({ ...envelope, tables: { ...empty, users: [user] } })
  .replace('{"format"', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"format"')
  .replace('"tables":{', '"tables":{"__proto__":{"polluted":1},')
  .replace('{"id":"u1"', '{"__proto__":{"role":"ADMIN"},"id":"u1"');

describe("backup JSON", () => {
  it("readBackupJson drops every prototype key; the backup then reads as the same user, still a MEMBER", () => {
    const parsed = parseBackup(readBackupJson(HOSTILE));
    expect(parsed.tables.users).toHaveLength(1);
    expect(parsed.tables.users[0]).toMatchObject({ id: "u1", role: "MEMBER" });
    expect(JSON.stringify(parsed)).not.toMatch(/__proto__|polluted/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("parsed by plain JSON.parse, the strict schema refuses the keys instead of copying them", () => {
    expect(() => parseBackup(JSON.parse(HOSTILE))).toThrow(AppError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses text that is not JSON, or nested far too deep, as INVALID", () => {
    expect(() => readBackupJson("{nope")).toThrow(AppError);
    expect(() => readBackupJson(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toThrow(AppError);
  });
});
