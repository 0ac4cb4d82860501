import { z } from "zod";

export const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid_id");
export const starInput = z.object({ talkId: id, starred: z.boolean() });
