import { z } from "zod";
import { AppError } from "../errors";

export const MAX_COMMENT_CHARS = 10_000;
export const MAX_WRITEUP_BYTES = 1_000_000;
const MAX_SHARED_TEAMS = 20;

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid_id");

export const teamName = z
  .string()
  .trim()
  .min(1, "name_required")
  .max(80, "name_too_long")
  .regex(/^[^\p{Cc}]*$/u, "name_invalid");
export const teamRole = z.enum(["OWNER", "EDITOR", "VIEWER"], { message: "role_invalid" });
/** What createInvite hands out: 32 random bytes, base64url. Anything else cannot be an invite. */
export const inviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "invite_not_found");
export const commentBody = z.string().trim().min(1, "comment_required").max(MAX_COMMENT_CHARS, "comment_too_long");
export const writeupBody = z
  .string()
  .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_WRITEUP_BYTES, "writeup_too_large");

export const noteVisibility = z.discriminatedUnion(
  "visibility",
  [
    z.object({ visibility: z.literal("PRIVATE") }),
    z.object({ visibility: z.literal("PUBLIC") }),
    z.object({
      visibility: z.literal("TEAM"),
      teamIds: z
        .array(id)
        .min(1, "team_required")
        .max(MAX_SHARED_TEAMS, "too_many_teams")
        .transform((ids) => [...new Set(ids)]),
    }),
  ],
  { message: "visibility_invalid" },
);

// Action/route inputs (form shapes); the data layer re-checks the free-text fields with parseOrInvalid.
export const createTeamInput = z.object({ name: teamName });
export const renameTeamInput = z.object({ teamId: id, name: teamName });
export const teamIdInput = z.object({ teamId: id });
export const createInviteInput = z.object({ teamId: id, role: teamRole });
// Loose on purpose: a mangled link gets the same NOT_FOUND "invite_not_found" from acceptInvite as an unknown one.
export const acceptInviteInput = z.object({ token: z.string().trim().max(200) });
export const memberInput = z.object({ teamId: id, userId: id });
export const changeRoleInput = z.object({ teamId: id, userId: id, role: teamRole });
export const noteVisibilityInput = z.intersection(z.object({ noteId: id }), noteVisibility);
export const revokePublicLinkInput = z.object({ noteId: id, mode: z.enum(["reissue", "clear"]) });
export const addCommentInput = z.object({ noteId: id, body: commentBody, parentId: id.optional() });
export const editCommentInput = z.object({ commentId: id, body: commentBody });
export const commentIdInput = z.object({ commentId: id });
export const teamTalkInput = z.object({ teamId: id, talkId: id });
export const teamEventInput = z.object({ teamId: id, eventId: id, talkId: id.nullable().optional() });
export const saveWriteupInput = z.object({ teamId: id, eventId: id, talkId: id.nullable(), body: writeupBody });

export type NoteVisibilityInput = z.input<typeof noteVisibility>;
export type TeamRoleInput = z.infer<typeof teamRole>;

/**
 * Parses a value the data layer cannot trust (it is also called from routes and scripts, not only
 * through actions), turning zod's error into the INVALID AppError the edges already translate.
 */
export function parseOrInvalid<S extends z.ZodType>(schema: S, value: unknown, field: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((i) => i.message);
  throw new AppError("INVALID", messages[0] ?? "invalid_input", { [field]: messages });
}
