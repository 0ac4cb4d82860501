import { expect, test } from "@playwright/test";
import { signedInUser, signIn, signInViaApi, STRONG_PASSWORD } from "./helpers";

test("changing the password signs out every session; only the new password works", async ({ page, browser }) => {
  const user = await signedInUser(page, { name: "Pat" });
  const other = await (await browser.newContext()).newPage();
  await signInViaApi(other, user);

  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is wrong.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Current password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Too short: use at least 10 characters.")).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  // The other browser's session ended too.
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Email or password is wrong.");
  await signIn(page, { email: user.email, password: "a brand new passphrase" });
});
