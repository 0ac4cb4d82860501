"use server";

import { headers } from "next/headers";
import { db } from "../db";
import { changePassword } from "../data/users";
import { AppError, isAppError } from "../errors";
import { clientAddress } from "../auth/client-address";
import { passwordProblem } from "../auth/password-strength";
import { changePasswordRules, clearBucket, takeAttempt } from "../auth/throttle";
import { changePasswordInput } from "../validations/auth";
import { userAction } from "./safe-action";

const change = userAction(changePasswordInput, async ({ currentPassword, newPassword }, { user }) => {
  const problem = await passwordProblem(newPassword, user);
  if (problem) throw new AppError("INVALID", problem, { newPassword: [problem] });
  // Counted before the current password is checked (as sign-in): guesses cannot race the limit.
  const rules = changePasswordRules(user.id, clientAddress(await headers()));
  const attempt = await takeAttempt(db, rules);
  if (!attempt.allowed)
    throw new AppError("TOO_MANY", "too_many_attempts", undefined, { minutes: attempt.retryAfterMinutes });
  try {
    await changePassword(db, user.id, currentPassword, newPassword);
  } catch (e) {
    // Only a wrong current password counts against the limits.
    if (!(isAppError(e) && e.message === "wrong_password")) await attempt.release();
    throw e;
  }
  await attempt.release();
  await clearBucket(db, rules[0].bucket);
  return { signedOut: true };
});

export async function changePasswordAction(input: unknown) {
  return change(input);
}
