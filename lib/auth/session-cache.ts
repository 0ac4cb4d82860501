// The session check without its two costs on every request (issue 14: ≤ 0.5 ms):
// - the JWT in the cookie is decrypted once per process (keyed by the token's text, which does not
//   change between requests of one session) instead of on every request;
// - "is this session still live" (its UserSession row, the account's epoch, not disabled) is
//   remembered for at most SESSION_RECHECK_MS, then asked of the database again.
// So a session ended elsewhere (another instance, a direct database change) stops working within
// SESSION_RECHECK_MS; in this process, sign-out, password change, disable, role and locale changes
// forget what was remembered at once (`forgetSession`, `forgetUserSessions`).

export const SESSION_RECHECK_MS = 2_000;
const MAX_ENTRIES = 20_000;

export type SessionToken = { userId: string; sid: string; epoch: number; expiresAtMs: number };
export type SessionUser = { id: string; email: string; name: string; role: "ADMIN" | "MEMBER"; locale: string | null };

const tokens = new Map<string, SessionToken | null>();
const live = new Map<string, { user: SessionUser | null; until: number; userId: string }>();

function bounded<K, V>(map: Map<K, V>, key: K, value: V) {
  if (map.size >= MAX_ENTRIES) map.clear(); // a flood of junk tokens costs a re-check, never memory
  map.set(key, value);
}

/** The decoded token for a cookie value, decrypting it only the first time this process sees it. */
export async function decodedToken(
  raw: string,
  decode: (raw: string) => Promise<SessionToken | null>,
  now = Date.now(),
): Promise<SessionToken | null> {
  let token = tokens.get(raw);
  if (token === undefined) {
    token = await decode(raw).catch(() => null);
    bounded(tokens, raw, token);
  }
  return token && token.expiresAtMs > now ? token : null;
}

/** The user behind a live session: remembered for SESSION_RECHECK_MS, then looked up again. */
export async function liveSessionUser(
  token: SessionToken,
  lookup: () => Promise<SessionUser | null>,
  now = Date.now(),
): Promise<SessionUser | null> {
  const key = `${token.sid}:${token.userId}:${token.epoch}`;
  const hit = live.get(key);
  if (hit && hit.until > now) return hit.user;
  const user = await lookup();
  bounded(live, key, { user, until: now + SESSION_RECHECK_MS, userId: token.userId });
  return user;
}

/** Sign-out of one session, in this process: at once. */
export function forgetSession(sid: string) {
  for (const key of live.keys()) if (key.startsWith(`${sid}:`)) live.delete(key);
}

/** The account changed (password, disabled, role, locale): every session of it is looked up again. */
export function forgetUserSessions(userId: string) {
  for (const [key, entry] of live) if (entry.userId === userId) live.delete(key);
}
