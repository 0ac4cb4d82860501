import { expect, test } from "@playwright/test";
import { signIn, signOut, signUp, STRONG_PASSWORD, uniqueEmail, DB } from "./helpers";

test("sign up, sign out, sign in again", async ({ page }) => {
  const user = await signUp(page, { name: "Jiwoo Kim" });
  await expect(page).toHaveURL(/\/events$/);
  await signOut(page);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await signIn(page, user);
  await expect(page.getByTestId("current-user")).toHaveText("Jiwoo Kim");
});

test("a wrong password or unknown email is refused with one clear message", async ({ page }) => {
  const user = await signUp(page);
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Email or password is wrong.");
});

test("repeated failures lock the account for a while", DB, async ({ page }) => {
  const user = await signUp(page);
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  const attempt = async (password: string) => {
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong password ${i}`);
    await expect(page.getByTestId("form-message")).toHaveText("Email or password is wrong.");
  }
  // Even the right password is refused while the lock lasts.
  await attempt(user.password);
  await expect(page.getByTestId("form-message")).toContainText("Too many failed sign-ins");
});

test("duplicate sign-up and weak passwords are refused and create nothing", DB, async ({ page }) => {
  const user = await signUp(page);
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Copy Cat");
  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-message")).toContainText("already exists");

  const fresh = uniqueEmail("weak");
  await page.getByLabel("Email").fill(fresh);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("error-password")).toContainText("too short");
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("error-password")).toContainText("too common");

  // Nothing was created: signing in with the weak attempt's email fails.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(fresh);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Email or password is wrong.");
});

test("a protected page sends you to sign-in and back", async ({ page }) => {
  const user = await signUp(page);
  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(user.email);
});
