"use server";

import { db } from "../db";
import { changePassword } from "../data/users";
import { changePasswordInput } from "../validations/auth";
import { userAction } from "./safe-action";

const change = userAction(changePasswordInput, async ({ currentPassword, newPassword }, { user }) => {
  await changePassword(db, user.id, currentPassword, newPassword);
  return { signedOut: true };
});

export async function changePasswordAction(input: unknown) {
  return change(input);
}
