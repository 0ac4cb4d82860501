import { describe, expect, it } from "vitest";
import { DEV_AUTH_SECRET, parseEnv } from "./env";

const secret = "x".repeat(40);

describe("parseEnv", () => {
  it("accepts the SQLite default and a PostgreSQL URL", () => {
    expect(parseEnv({}).ok).toBe(true);
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@localhost:5432/db" }).ok).toBe(true);
  });
  it("rejects a wrong DATABASE_URL with one readable line, hiding the password", () => {
    const r = parseEnv({ DATABASE_URL: "mysql://u:secretpw@localhost/db" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/^Summit Notes cannot start: DATABASE_URL: DATABASE_URL must start with file:/);
      expect(r.message).not.toContain("secretpw");
      expect(r.message).not.toContain("\n");
    }
  });
  it("refuses production without a secret or with the development one", () => {
    expect(parseEnv({ NODE_ENV: "production" }).ok).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: DEV_AUTH_SECRET }).ok).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret }).ok).toBe(true);
  });
  it("wants OAuth ids and secrets in pairs", () => {
    expect(parseEnv({ GITHUB_ID: "abc" }).ok).toBe(false);
    expect(parseEnv({ GITHUB_ID: "abc", GITHUB_SECRET: "def" }).ok).toBe(true);
  });
});
