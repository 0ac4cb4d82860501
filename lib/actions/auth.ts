"use server";

import { headers } from "next/headers";
import { db } from "../db";
import { createUserWithPassword } from "../data/users";
import { AppError } from "../errors";
import { clientAddress } from "../auth/client-address";
import { passwordProblem } from "../auth/password-strength";
import { signUpRules, takeAttempt } from "../auth/throttle";
import { signUpInput } from "../validations/auth";
import { publicAction } from "./safe-action";

const signUp = publicAction(signUpInput, async (input) => {
  const problem = await passwordProblem(input.password, input);
  if (problem) throw new AppError("INVALID", problem, { password: [problem] });
  // Every attempt that would create an account counts, a duplicate email too (no free probing).
  const attempt = await takeAttempt(db, signUpRules(clientAddress(await headers())));
  if (!attempt.allowed)
    throw new AppError("TOO_MANY", "sign_up_throttled", undefined, { minutes: attempt.retryAfterMinutes });
  const user = await createUserWithPassword(db, input);
  return { email: user.email };
});

export async function signUpAction(input: unknown) {
  return signUp(input);
}
