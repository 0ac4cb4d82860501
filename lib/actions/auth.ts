"use server";

import { db } from "../db";
import { createUserWithPassword } from "../data/users";
import { signUpInput } from "../validations/auth";
import { publicAction } from "./safe-action";

const signUp = publicAction(signUpInput, async (input) => {
  const user = await createUserWithPassword(db, input);
  return { email: user.email };
});

export async function signUpAction(input: unknown) {
  return signUp(input);
}
