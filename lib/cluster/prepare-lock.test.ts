// Instances starting together take turns preparing the database (real PostgreSQL, real sessions).
import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../testing/databases";
import { withPrepareLock } from "./prepare-lock";

describe("prepare lock", () => {
  it("PostgreSQL: two preparations started together run one after the other", async () => {
    const url = testDatabaseUrl("postgres");
    const events: string[] = [];
    const prepare = (name: string) =>
      withPrepareLock(url, async () => {
        events.push(`${name} start`);
        await new Promise((r) => setTimeout(r, 300));
        events.push(`${name} end`);
      });
    await Promise.all([prepare("A"), prepare("B")]);
    expect([events.join(", ")]).toContainEqual(
      expect.stringMatching(/^(A start, A end, B start, B end|B start, B end, A start, A end)$/),
    );
  });

  it("a failed preparation releases the lock for the next instance", async () => {
    const url = testDatabaseUrl("postgres");
    await expect(withPrepareLock(url, async () => Promise.reject(new Error("migration failed")))).rejects.toThrow(
      "migration failed",
    );
    await expect(withPrepareLock(url, async () => "ok")).resolves.toBe("ok");
  });

  it("SQLite: no lock (one process by design)", async () => {
    await expect(withPrepareLock(testDatabaseUrl("sqlite"), async () => 42)).resolves.toBe(42);
  });
});
