"use server";

import { revalidatePath } from "next/cache";
import { db } from "../db";
import { setUserDisabled, setUserRole } from "../data/admin-users";
import { setUserDisabledInput, setUserRoleInput } from "../validations/admin-users";
import { adminAction } from "./safe-action";

const role = adminAction(setUserRoleInput, async ({ userId, role: r }, { user }) =>
  setUserRole(db, user.id, userId, r),
);
const disable = adminAction(setUserDisabledInput, async ({ userId, disabled }, { user }) =>
  setUserDisabled(db, user.id, userId, disabled),
);

export async function setUserRoleAction(input: unknown) {
  const res = await role(input);
  if (res.ok) revalidatePath("/admin/users");
  return res;
}
export async function setUserDisabledAction(input: unknown) {
  const res = await disable(input);
  if (res.ok) revalidatePath("/admin/users");
  return res;
}
