"use server";

import { z } from "zod";
import { db } from "../db";
import { revokeIcsToken, rotateIcsToken, setStar } from "../data/stars";
import { starInput } from "../validations/stars";
import { userAction } from "./safe-action";

const setStarSafe = userAction(starInput, async ({ talkId, starred }, { user }) => {
  await setStar(db, user.id, talkId, starred);
  return { starred };
});

const rotateFeed = userAction(z.object({}), async (_input, { user }) => ({ token: await rotateIcsToken(db, user.id) }));
const revokeFeed = userAction(z.object({}), async (_input, { user }) => {
  await revokeIcsToken(db, user.id);
  return {};
});

export async function setStarAction(input: unknown) {
  return setStarSafe(input);
}
export async function rotateIcsFeedAction() {
  return rotateFeed({});
}
export async function revokeIcsFeedAction() {
  return revokeFeed({});
}
