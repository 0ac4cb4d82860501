import { z } from "zod";

export const email = z.string().trim().toLowerCase().max(254, "email_too_long").pipe(z.email("email_invalid"));

// Length only: how guessable a password is needs dictionaries, checked on the server by
// lib/auth/password-strength.ts (sign-up and change-password) after this schema.
export const password = z.string().min(10, "password_too_short").max(200, "password_too_long");

export const signUpInput = z
  .object({
    name: z.string().trim().min(1, "name_required").max(100, "name_too_long"),
    email,
    password,
  })
  .refine((v) => v.password.toLowerCase() !== v.email, { path: ["password"], message: "password_is_email" });

export const signInInput = z.object({
  email,
  password: z.string().min(1).max(200),
});

export const localeInput = z.enum(["en", "ko"]);

export type SignUpInput = z.infer<typeof signUpInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "wrong_password").max(200, "wrong_password"),
  newPassword: password,
});
