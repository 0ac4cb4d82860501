import { z } from "zod";

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid_id");

export const setUserRoleInput = z.object({
  userId: id,
  role: z.enum(["ADMIN", "MEMBER"], { message: "role_invalid" }),
});
export const setUserDisabledInput = z.object({ userId: id, disabled: z.boolean() });
export const listUsersQuery = z.object({ q: z.string().trim().max(100).optional() });
