// Shared by scripts/bench.ts and the reliability tests: start the production server (next start)
// on its own port and database, sign in over HTTP like a browser, seed bench data.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db-client";

export const BENCH_PASSWORD = "bench-password-2016";

export type Server = {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export function hasBuild(distDir: string): boolean {
  return existsSync(path.resolve(distDir, "BUILD_ID"));
}

export async function waitForHealth(url: string, timeoutMs = 60_000, proc?: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become healthy in ${timeoutMs} ms`);
}

function exited(proc: ChildProcess): Promise<void> {
  return proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => proc.once("exit", () => r()));
}

/** `next start` from `distDir` on `port` against `databaseUrl` (already migrated). */
export async function startAppServer({
  distDir,
  port,
  databaseUrl,
  secret = randomBytes(32).toString("base64url"),
  env = {},
  nodeArgs = [],
}: {
  distDir: string;
  port: number;
  databaseUrl: string;
  secret?: string;
  env?: Record<string, string>;
  /** Options for node itself, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}): Promise<Server & { secret: string }> {
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(
    process.execPath,
    [...nodeArgs, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: url,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
    },
  );
  let out = "";
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const server = {
    url,
    proc,
    secret,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await exited(proc);
    },
    kill: async (signal: NodeJS.Signals = "SIGKILL") => {
      proc.kill(signal);
      await exited(proc);
    },
  };
  try {
    await waitForHealth(url, 90_000, proc);
  } catch (e) {
    await server.stop();
    throw new Error(`${(e as Error).message}\n${out}`);
  }
  return server;
}

function cookieHeader(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in through next-auth's credentials callback (csrf token first) and returns the Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  let cookie = cookieHeader(csrfRes, jar);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: baseUrl }),
  });
  cookie = cookieHeader(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`sign-in failed for ${email}: HTTP ${res.status}`);
  return cookie;
}

export type BenchData = {
  eventId: string;
  eventSlug: string;
  writers: { email: string; userId: string; noteId: string }[];
  agendaSlug: string;
};

/**
 * Bench users (`users`, password BENCH_PASSWORD), one event-level note per writer (round-robin
 * over the users), and an agenda event with `tracks` × `slots` talks.
 */
export async function seedBenchData(
  db: Db,
  {
    prefix,
    users,
    writers,
    tracks = 8,
    slots = 12,
  }: { prefix: string; users: number; writers: number; tracks?: number; slots?: number },
): Promise<BenchData> {
  const { hashPassword } = await import("../../lib/auth/password");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const userRows = Array.from({ length: users }, (_, i) => ({
    id: `${prefix}u${i}`,
    email: `${prefix}-${i}@bench.test`,
    name: `Bench ${i}`,
    passwordHash,
  }));
  await db.user.createMany({ data: userRows });

  const day = "2016-05-17";
  const startUtc = Date.parse(`${day}T00:00:00Z`); // 09:00 in Seoul
  const agendaSlug = `${prefix}-agenda`;
  const event = await db.event.create({
    data: {
      name: `Bench agenda ${tracks}×${slots}`,
      slug: agendaSlug,
      startDate: new Date(startUtc),
      endDate: new Date(startUtc + 12 * 3600_000),
      timeZone: "Asia/Seoul",
      venue: "Loopback",
    },
  });
  const dayRow = await db.day.create({ data: { eventId: event.id, date: day } });
  const trackRows = await Promise.all(
    Array.from({ length: tracks }, (_, t) =>
      db.track.create({ data: { eventId: event.id, name: `Track ${t + 1}`, position: t, room: `Room ${100 + t}` } }),
    ),
  );
  const talks: {
    eventId: string;
    trackId: string;
    slotId: string;
    title: string;
    abstract: string;
    startsAt: Date;
    endsAt: Date;
  }[] = [];
  for (let s = 0; s < slots; s++) {
    const startsAt = new Date(startUtc + s * 50 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 40 * 60_000);
    const slot = await db.timeSlot.create({ data: { eventId: event.id, dayId: dayRow.id, startsAt, endsAt } });
    for (const track of trackRows) {
      talks.push({
        eventId: event.id,
        trackId: track.id,
        slotId: slot.id,
        title: `${track.name}, slot ${s + 1}: AWS Lambda와 DynamoDB로 서버리스 아키텍처 만들기`,
        abstract:
          "Cold starts, provisioned concurrency, single-table design, and what it costs at scale. 람다 콜드 스타트와 비용.",
        startsAt,
        endsAt,
      });
    }
  }
  await db.talk.createMany({ data: talks });

  const body = "# Notes\n\n- Lambda cold start ~ 200 ms\n- 다이나모DB on-demand\n";
  const noteRows = Array.from({ length: writers }, (_, i) => ({
    id: `${prefix}n${i}`,
    authorId: userRows[i % users].id,
    eventId: event.id,
    talkId: null,
    body,
    version: 1,
  }));
  await db.note.createMany({ data: noteRows });
  await db.noteRevision.createMany({
    data: noteRows.map((n) => ({ noteId: n.id, authorId: n.authorId, version: 1, body })),
  });
  return {
    eventId: event.id,
    eventSlug: agendaSlug,
    agendaSlug,
    writers: noteRows.map((n, i) => ({ email: userRows[i % users].email, userId: n.authorId, noteId: n.id })),
  };
}
