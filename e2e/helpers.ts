import { expect, type Page } from "@playwright/test";

export const DEMO_MEMBER = { email: "member@summit-notes.local", password: "SummitMember2016!" };
export const DEMO_ADMIN = { email: "admin@summit-notes.local", password: "SummitAdmin2016!" };

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const STRONG_PASSWORD = "correct horse battery";

export async function signUp(page: Page, { name = "Test User", email = uniqueEmail(), password = STRONG_PASSWORD } = {}) {
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
