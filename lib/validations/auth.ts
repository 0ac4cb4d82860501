import { z } from "zod";

// Kept short on purpose: a length floor plus a list of passwords every attacker tries first.
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password123", "1234567890", "12345678910", "qwertyuiop", "iloveyou12",
  "letmein123", "welcome123", "admin12345", "qwerty1234", "summitnotes", "aaaaaaaaaa", "abcdefghij",
]);

export const email = z.string().trim().toLowerCase().max(254, "email_too_long").pipe(z.email("email_invalid"));

export const password = z
  .string()
  .min(10, "password_too_short")
  .max(200, "password_too_long")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "password_common")
  .refine((p) => new Set(p).size >= 5, "password_repetitive");

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

export const changePasswordInput = z.object({ currentPassword: z.string().min(1, "wrong_password").max(200, "wrong_password"), newPassword: password });
