// Issue 12: signing out did not end the session (the old cookie worked for 30 days). Over HTTP with
// a replayed cookie: e2e/attacks/auth.spec.ts. Here: the session rows and the one-query check.
import { expect, it } from "vitest";
import { describeEachDatabase, uniqueSuffix } from "../testing/databases";
import { endUserSession, findSessionUser, SESSION_MAX_AGE_S, startUserSession } from "./user-sessions";

describeEachDatabase("user sessions", (getDb) => {
  const newUser = () => getDb().user.create({ data: { email: `sess-${uniqueSuffix()}@example.test`, name: "Sess" } });

  it("a session works until it is signed out; the account's other sessions go on", async () => {
    const db = getDb();
    const user = await newUser();
    const [phone, laptop] = [await startUserSession(db, user.id), await startUserSession(db, user.id)];
    expect(phone).not.toBe(laptop);
    expect(phone).toMatch(/^[\w-]{32}$/);
    expect(await findSessionUser(db, { userId: user.id, sid: phone, epoch: 0 })).toMatchObject({
      id: user.id,
      email: user.email,
    });
    await endUserSession(db, phone);
    expect(await findSessionUser(db, { userId: user.id, sid: phone, epoch: 0 })).toBeNull();
    expect(await findSessionUser(db, { userId: user.id, sid: laptop, epoch: 0 })).toMatchObject({ id: user.id });
    await endUserSession(db, phone); // twice: nothing to do, no error
    await endUserSession(db, undefined);
  });

  it("is refused for another user's session id, an old epoch (password change) or a disabled account", async () => {
    const db = getDb();
    const [a, b] = [await newUser(), await newUser()];
    const sid = await startUserSession(db, a.id);
    expect(await findSessionUser(db, { userId: b.id, sid, epoch: 0 })).toBeNull();
    await db.user.update({ where: { id: a.id }, data: { sessionEpoch: { increment: 1 } } });
    expect(await findSessionUser(db, { userId: a.id, sid, epoch: 0 })).toBeNull();
    expect(await findSessionUser(db, { userId: a.id, sid, epoch: 1 })).toMatchObject({ id: a.id });
    await db.user.update({ where: { id: a.id }, data: { disabledAt: new Date() } });
    expect(await findSessionUser(db, { userId: a.id, sid, epoch: 1 })).toBeNull();
  });

  it("expires with the JWT, and expired rows are pruned at the next sign-in", async () => {
    const db = getDb();
    const user = await newUser();
    const long = new Date(Date.now() - (SESSION_MAX_AGE_S + 60) * 1000);
    const old = await startUserSession(db, user.id, long);
    expect(await findSessionUser(db, { userId: user.id, sid: old, epoch: 0 })).toBeNull();
    await startUserSession(db, user.id);
    expect(await db.userSession.count({ where: { id: old } })).toBe(0);
  });

  it("goes with the account", async () => {
    const db = getDb();
    const user = await newUser();
    const sid = await startUserSession(db, user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await db.userSession.count({ where: { id: sid } })).toBe(0);
  });
});
