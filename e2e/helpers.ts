import { expect, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { e2eDb } from "./db";

/**
 * Tag of the specs whose behaviour depends on the database (saves, conflicts, search, imports,
 * teams, hostile text written): `npm test` runs them a second time with the app on PostgreSQL
 * (`--grep @db`); the rest runs once, on SQLite (the integration tests cover both providers below
 * the browser). Use: test("…", DB, async ({ page }) => …).
 */
export const DB = { tag: "@db" };

export const DEMO_MEMBER = { email: "member@summit-notes.local", password: "SummitMember2016!" };
export const DEMO_ADMIN = { email: "admin@summit-notes.local", password: "SummitAdmin2016!" };

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const STRONG_PASSWORD = "correct horse battery";

export async function signUp(
  page: Page,
  { name = "Test User", email = uniqueEmail(), password = STRONG_PASSWORD } = {},
) {
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(name);
  return { name, email, password };
}

export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/**
 * A new account written straight into the e2e database (no sign-up form, no sign-up throttle), for
 * specs that are about something else. The sign-up form itself is tested in auth.spec.ts.
 */
export async function createUser({
  name = "Test User",
  email = uniqueEmail(),
  password = STRONG_PASSWORD,
  role = "MEMBER" as "MEMBER" | "ADMIN",
} = {}) {
  const db = e2eDb();
  try {
    await db.user.create({ data: { email, name, passwordHash: await hashPassword(password), role } });
  } finally {
    await db.$disconnect();
  }
  return { name, email, password };
}

/**
 * Signs the page's browser context in through Auth.js's credentials endpoint (what the sign-in form
 * posts), without the form: the session cookie lands in the context, the next navigation is signed in.
 */
export async function signInViaApi(page: Page, { email, password }: { email: string; password: string }) {
  const api = page.context().request;
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `session of ${email}`).toBe(email);
}

/** createUser + signInViaApi: a signed-in page in a fraction of signUp's time. */
export async function signedInUser(page: Page, options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options);
  await signInViaApi(page, user);
  return user;
}
