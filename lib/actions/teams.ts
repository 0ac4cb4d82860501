"use server";

import { db } from "../db";
import {
  acceptInvite,
  changeRole,
  createInvite,
  createTeam,
  deleteTeam,
  leaveTeam,
  removeMember,
  renameTeam,
} from "../data/teams";
import { addComment, deleteComment, editComment, revokePublicLink, setNoteVisibility } from "../data/team-notes";
import {
  buildMergedWriteup,
  claimTalk,
  markReviewed,
  saveWriteup,
  unclaimTalk,
  unmarkReviewed,
} from "../data/team-review";
import {
  acceptInviteInput,
  addCommentInput,
  changeRoleInput,
  commentIdInput,
  createInviteInput,
  createTeamInput,
  editCommentInput,
  memberInput,
  noteVisibilityInput,
  renameTeamInput,
  revokePublicLinkInput,
  saveWriteupInput,
  teamEventInput,
  teamIdInput,
  teamTalkInput,
} from "../validations/teams";
import { userAction } from "./safe-action";

// Thin edges: authenticate + validate (safe-action), then the data layer, which checks the
// permission table (lib/authz/policy.ts) inside its own queries.

const create = userAction(createTeamInput, ({ name }, { user }) => createTeam(db, user.id, name));
const rename = userAction(renameTeamInput, ({ teamId, name }, { user }) => renameTeam(db, user.id, teamId, name));
const remove = userAction(teamIdInput, async ({ teamId }, { user }) => {
  await deleteTeam(db, user.id, teamId);
  return { teamId };
});
const invite = userAction(createInviteInput, async ({ teamId, role }, { user }) => {
  const created = await createInvite(db, user.id, teamId, role);
  return { token: created.token, role: created.role, expiresAt: created.expiresAt.toISOString() };
});
const accept = userAction(acceptInviteInput, ({ token }, { user }) => acceptInvite(db, user.id, token));
const leave = userAction(teamIdInput, async ({ teamId }, { user }) => {
  await leaveTeam(db, user.id, teamId);
  return { teamId };
});
const removeOne = userAction(memberInput, async ({ teamId, userId }, { user }) => {
  await removeMember(db, user.id, teamId, userId);
  return { userId };
});
const role = userAction(changeRoleInput, ({ teamId, userId, role: r }, { user }) =>
  changeRole(db, user.id, teamId, userId, r),
);
const visibility = userAction(noteVisibilityInput, ({ noteId, ...wanted }, { user }) =>
  setNoteVisibility(db, user.id, noteId, wanted),
);
const revokeLink = userAction(revokePublicLinkInput, ({ noteId, mode }, { user }) =>
  revokePublicLink(db, user.id, noteId, mode),
);
const comment = userAction(addCommentInput, async ({ noteId, body, parentId }, { user }) => {
  const created = await addComment(db, user.id, noteId, body, parentId);
  return { id: created.id };
});
const editOne = userAction(editCommentInput, async ({ commentId, body }, { user }) => {
  await editComment(db, user.id, commentId, body);
  return { commentId };
});
const deleteOne = userAction(commentIdInput, async ({ commentId }, { user }) => {
  await deleteComment(db, user.id, commentId);
  return { commentId };
});
const claim = userAction(teamTalkInput, async ({ teamId, talkId }, { user }) => {
  await claimTalk(db, user.id, teamId, talkId);
  return { talkId, claimed: true };
});
const unclaim = userAction(teamTalkInput, async ({ teamId, talkId }, { user }) => {
  await unclaimTalk(db, user.id, teamId, talkId);
  return { talkId, claimed: false };
});
const reviewed = userAction(teamTalkInput, async ({ teamId, talkId }, { user }) => {
  await markReviewed(db, user.id, teamId, talkId);
  return { talkId, reviewed: true };
});
const unreviewed = userAction(teamTalkInput, async ({ teamId, talkId }, { user }) => {
  await unmarkReviewed(db, user.id, teamId, talkId);
  return { talkId, reviewed: false };
});
const draft = userAction(teamEventInput, async ({ teamId, eventId, talkId }, { user }) => ({
  body: await buildMergedWriteup(db, user.id, teamId, eventId, talkId),
}));
const saveDraft = userAction(saveWriteupInput, async ({ teamId, eventId, talkId, body }, { user }) => {
  const saved = await saveWriteup(db, user.id, teamId, eventId, talkId, body);
  return { id: saved.id, updatedAt: saved.updatedAt.toISOString() };
});

export async function createTeamAction(input: unknown) {
  return create(input);
}
export async function renameTeamAction(input: unknown) {
  return rename(input);
}
export async function deleteTeamAction(input: unknown) {
  return remove(input);
}
export async function createInviteAction(input: unknown) {
  return invite(input);
}
export async function acceptInviteAction(input: unknown) {
  return accept(input);
}
export async function leaveTeamAction(input: unknown) {
  return leave(input);
}
export async function removeMemberAction(input: unknown) {
  return removeOne(input);
}
export async function changeRoleAction(input: unknown) {
  return role(input);
}
export async function setNoteVisibilityAction(input: unknown) {
  return visibility(input);
}
export async function revokePublicLinkAction(input: unknown) {
  return revokeLink(input);
}
export async function addCommentAction(input: unknown) {
  return comment(input);
}
export async function editCommentAction(input: unknown) {
  return editOne(input);
}
export async function deleteCommentAction(input: unknown) {
  return deleteOne(input);
}
export async function claimTalkAction(input: unknown) {
  return claim(input);
}
export async function unclaimTalkAction(input: unknown) {
  return unclaim(input);
}
export async function markReviewedAction(input: unknown) {
  return reviewed(input);
}
export async function unmarkReviewedAction(input: unknown) {
  return unreviewed(input);
}
export async function buildWriteupDraftAction(input: unknown) {
  return draft(input);
}
export async function saveWriteupAction(input: unknown) {
  return saveDraft(input);
}
