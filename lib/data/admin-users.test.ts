import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { listUsers, setUserDisabled, setUserRole } from "./admin-users";

describeEachDatabase("admin users", (getDb) => {
  async function setup() {
    const db = getDb();
    const s = uniqueSuffix();
    const admin = await db.user.create({ data: { email: `adm-${s}@example.test`, name: `Adm ${s}`, role: "ADMIN" } });
    const member = await db.user.create({ data: { email: `mem-${s}@example.test`, name: `Mem ${s}` } });
    const event = await db.event.create({
      data: { name: `E ${s}`, slug: `e-${s}`, startDate: new Date(), endDate: new Date() },
    });
    await db.note.create({ data: { authorId: member.id, eventId: event.id, body: "kept" } });
    return { db, s, admin, member };
  }
  const state = (w: Awaited<ReturnType<typeof setup>>, id: string) =>
    w.db.user.findUniqueOrThrow({ where: { id }, select: { role: true, disabledAt: true, sessionEpoch: true } });

  it("lists users with counts, for admins only", async () => {
    const w = await setup();
    const rows = await listUsers(w.db, w.admin.id, w.s);
    expect(rows.map((r) => [r.email, r.noteCount])).toEqual([
      [w.admin.email, 0],
      [w.member.email, 1],
    ]);
    await expect(listUsers(w.db, w.member.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("disabling signs out (epoch moves) and keeps the data; enabling lets them back", async () => {
    const w = await setup();
    const before = await state(w, w.member.id);
    await setUserDisabled(w.db, w.admin.id, w.member.id, true);
    const after = await state(w, w.member.id);
    expect(after.disabledAt).not.toBeNull();
    expect(after.sessionEpoch).toBe(before.sessionEpoch + 1);
    expect(await w.db.note.count({ where: { authorId: w.member.id } })).toBe(1);
    await setUserDisabled(w.db, w.admin.id, w.member.id, false);
    expect((await state(w, w.member.id)).disabledAt).toBeNull();
  });

  it("refuses members, self-changes and unknown users, changing nothing", async () => {
    const w = await setup();
    const before = [await state(w, w.admin.id), await state(w, w.member.id)];
    await expect(setUserDisabled(w.db, w.member.id, w.admin.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(w.db, w.member.id, w.member.id, "ADMIN")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole(w.db, w.admin.id, w.admin.id, "MEMBER")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "cannot_change_self",
    });
    await expect(setUserDisabled(w.db, w.admin.id, w.admin.id, true)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserRole(w.db, w.admin.id, "nope", "ADMIN")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect([await state(w, w.admin.id), await state(w, w.member.id)]).toEqual(before);
  });

  it("a disabled admin has no admin powers; demoting ends the admin's sessions", async () => {
    const w = await setup();
    await setUserRole(w.db, w.admin.id, w.member.id, "ADMIN");
    expect((await state(w, w.member.id)).role).toBe("ADMIN");
    const epoch = (await state(w, w.member.id)).sessionEpoch;
    await setUserRole(w.db, w.admin.id, w.member.id, "MEMBER");
    expect(await state(w, w.member.id)).toMatchObject({ role: "MEMBER", sessionEpoch: epoch + 1 });
    await setUserRole(w.db, w.admin.id, w.member.id, "ADMIN");
    await setUserDisabled(w.db, w.admin.id, w.member.id, true);
    await expect(listUsers(w.db, w.member.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
