// HTTP calls the cluster test makes as a browser would: sign-in and sign-out through next-auth,
// server actions by id (from the build's manifest), note saves as the outbox sends them.
import { readFileSync } from "node:fs";
import path from "node:path";

export class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1);
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
  clone(): Jar {
    const j = new Jar();
    for (const [k, v] of this.cookies) j.cookies.set(k, v);
    return j;
  }
}

async function csrf(baseUrl: string, jar: Jar): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(res);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** next-auth's credentials sign-in; `error` is next-auth's code (e.g. CredentialsSignin, or the app's throttle message). */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  jar = new Jar(),
): Promise<{ ok: boolean; error: string | null; status: number; jar: Jar }> {
  const csrfToken = await csrf(baseUrl, jar);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/events" }),
  });
  jar.take(res);
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, baseUrl).searchParams.get("error") : "no url in the answer";
  return { ok: !error && jar.hasSession(), error, status: res.status, jar };
}

export async function signOut(baseUrl: string, jar: Jar): Promise<number> {
  const csrfToken = await csrf(baseUrl, jar);
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: "/" }),
  });
  jar.take(res);
  return res.status;
}

let manifest: Record<string, { exportedName?: string; filename?: string }> | undefined;

function actionId(distDir: string, file: string, name: string): string {
  manifest ??= (
    JSON.parse(readFileSync(path.resolve(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
      node: typeof manifest;
    }
  ).node!;
  const id = Object.entries(manifest).find(
    ([, e]) => e.exportedName === name && e.filename === `lib/actions/${file}.ts`,
  )?.[0];
  if (!id) throw new Error(`no server action ${file}#${name} in ${distDir}`);
  return id;
}

export type ActionAnswer = { ok: boolean; code?: string; message?: string; data?: unknown };

/**
 * Calls a server action over HTTP as a page served by `baseUrl` does (Next refuses an action whose
 * Origin is not the Host it was sent to) and returns its result.
 */
export async function callAction(
  baseUrl: string,
  distDir: string,
  jar: Jar,
  file: string,
  name: string,
  ...args: unknown[]
): Promise<ActionAnswer & { status: number }> {
  const res = await fetch(`${baseUrl}/events`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": actionId(distDir, file, name),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: baseUrl,
      cookie: jar.header(),
    },
    body: JSON.stringify(args),
  });
  jar.take(res);
  const text = await res.text();
  const line = text.split("\n").find((l) => l.includes('"ok":'));
  if (!line) throw new Error(`${name}: no action result in ${res.status} ${text.slice(0, 300)}`);
  return { ...(JSON.parse(line.slice(line.indexOf(":") + 1)) as ActionAnswer), status: res.status };
}

export type SaveAnswer = {
  status: number;
  json: { status?: string; version?: number; serverVersion?: number; serverBody?: string; duplicate?: boolean } | null;
  text: string;
};

/** POST /api/notes as the outbox does. A network error rejects. */
export async function saveNote(
  baseUrl: string,
  jar: Jar,
  input: { noteId: string; baseVersion: number; body: string; opId: string },
): Promise<SaveAnswer> {
  const res = await fetch(`${baseUrl}/api/notes`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: jar.header() },
    body: JSON.stringify({ ...input, eventId: "unused-for-existing-notes" }),
  });
  const text = await res.text();
  let json: SaveAnswer["json"] = null;
  try {
    json = JSON.parse(text) as SaveAnswer["json"];
  } catch {
    json = null; // an error page (a proxy's 502): not an acknowledgement
  }
  return { status: res.status, json, text };
}

/** The signed-in user's own note as Markdown: 200 while the session is good, 401 once it is not. */
export async function readNote(baseUrl: string, jar: Jar, noteId: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}/api/notes/${noteId}/markdown`, { headers: { cookie: jar.header() } });
  return { status: res.status, text: await res.text() };
}
