// The permission matrix over HTTP: every page, route handler and server action in
// lib/authz/access-table.ts, called as anonymous, stranger, team viewer / editor / owner and site
// admin against the real server, must answer exactly as the table says. Refusals must not leak:
// people outside a team get "not found", never "forbidden". (lib/authz/access-table.test.ts checks
// that the table names everything in the code; this file checks that the code obeys the table.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ACCESS_TABLE, type AccessRule } from "../lib/authz/access-table";
import { ACTOR_ROLES, type ActorRole } from "../lib/authz/policy";
import { STRONG_PASSWORD, uniqueEmail } from "./helpers";
import { buildPermissionWorld, type PermissionWorld } from "./permission-fixture";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const NON_MEMBERS: ActorRole[] = ["stranger", "admin"];

type Outcome = { verdict: "allowed" | "refused" | "broken"; detail: string; code?: string; status: number };
type HttpCall = {
  path: string;
  method?: string;
  data?: string | Record<string, unknown>;
  headers?: Record<string, string>;
};

// ── How to reach each target with the fixture's ids ─────────────────────────────────────────────

function pagePath(w: PermissionWorld, target: string): string {
  const special: Record<string, string> = {
    "/events/[slug]/notes/[noteId]": `/events/${w.event.slug}/notes/${w.eventNote.id}`,
    "/invite/[token]": `/invite/${w.inviteToken}`,
    "/p/[token]": `/p/${w.publicToken}`,
    "/services/[slug]": "/services/lambda",
  };
  if (special[target]) return special[target];
  return target
    .replace("[slug]", w.event.slug)
    .replace("[teamId]", w.team.id)
    .replace("[talkId]", w.talk.id)
    .replace("[noteId]", w.note.id);
}

const ROUTE_CALLS: Record<string, (w: PermissionWorld) => HttpCall> = {
  "GET /api/health": () => ({ path: "/api/health" }),
  "GET /api/ready": () => ({ path: "/api/ready" }),
  "GET /api/auth/[...nextauth]": () => ({ path: "/api/auth/providers" }),
  "POST /api/auth/[...nextauth]": () => ({ path: "/api/auth/_log", method: "POST", data: {} }),
  "GET /api/events/[slug]/export": (w) => ({ path: `/api/events/${w.event.slug}/export?format=json` }),
  "GET /api/ics/[token]": (w) => ({ path: `/api/ics/${w.icsToken}.ics` }),
  "GET /api/me/agenda.ics": () => ({ path: "/api/me/agenda.ics" }),
  // An update of the owner's note N from a stale base version: the author gets a 409 conflict, others may not even learn it exists.
  "POST /api/notes": (w) => ({
    path: "/api/notes",
    method: "POST",
    data: {
      opId: `matrix-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      noteId: w.note.id,
      eventId: w.event.id,
      talkId: w.talk.id,
      baseVersion: 0,
      body: "matrix",
    },
  }),
  "POST /api/writeups/import": () => ({
    path: "/api/writeups/import?mode=preview&filename=x.md",
    method: "POST",
    data: "# x\n\ntext\n",
    headers: { "content-type": "text/markdown" },
  }),
  // The team's post: its members only (one's own notes are open to everyone signed in).
  "GET /api/events/[slug]/writeup": (w) => ({
    path: `/api/events/${w.event.slug}/writeup?flavour=jekyll&team=${w.team.id}`,
  }),
  "GET /api/notes/[noteId]/markdown": (w) => ({ path: `/api/notes/${w.note.id}/markdown` }),
  "GET /api/me/backup": () => ({ path: "/api/me/backup" }),
  "GET /api/admin/backup": () => ({ path: "/api/admin/backup" }),
  "POST /api/admin/agenda/import": () => ({
    path: "/api/admin/agenda/import?filename=x.json&mode=preview",
    method: "POST",
    data: "{}",
    headers: { "content-type": "application/json" },
  }),
};

type ArgsBuilder = (w: PermissionWorld) => Promise<unknown[]> | unknown[];
const one =
  (build: (w: PermissionWorld) => unknown | Promise<unknown>): ArgsBuilder =>
  async (w) => [await build(w)];

const ACTION_ARGS: Record<string, ArgsBuilder> = {
  "auth#signUpAction": one(() => ({ name: "Matrix Sign-up", email: uniqueEmail("matrix"), password: STRONG_PASSWORD })),
  "locale#setLocaleAction": () => ["en"],
  // A wrong current password: a real change would sign the actor out for the rest of the matrix.
  "account#changePasswordAction": one(() => ({
    currentPassword: "not the password",
    newPassword: "another long passphrase",
  })),
  "stars#setStarAction": one((w) => ({ talkId: w.talk.id, starred: true })),
  "stars#rotateIcsFeedAction": () => [],
  "stars#revokeIcsFeedAction": () => [],
  "notes#addNoteTagAction": one((w) => ({ noteId: w.note.id, topic: `m${Math.random().toString(36).slice(2, 8)}` })),
  "notes#removeNoteTagAction": one(async (w) => ({ noteId: w.note.id, tagId: await w.newTag() })),
  "notes#suggestNoteTagsAction": one((w) => ({ noteId: w.note.id })),
  "notes#searchServicesAction": one(() => ({ query: "lambda" })),
  "notes#restoreRevisionAction": one((w) => ({
    noteId: w.note.id,
    revisionId: w.revision.id,
    opId: `matrix-${Math.random().toString(36).slice(2, 12)}`,
  })),
  // Admin actions check the role before reading the input: an empty input tells admins "invalid", everyone else "forbidden".
  "agenda-admin#createEventAction": () => [{}],
  "agenda-admin#updateEventAction": () => [{}],
  "agenda-admin#deleteEventAction": () => [{}],
  "agenda-admin#saveTrackAction": () => [{}],
  "agenda-admin#deleteTrackAction": () => [{}],
  "agenda-admin#saveTalkAction": () => [{}],
  "agenda-admin#moveTalkAction": () => [{}],
  "agenda-admin#deleteTalkAction": () => [{}],
  "admin-users#setUserRoleAction": one((w) => ({ userId: w.bystander.id, role: "MEMBER" })),
  "admin-users#setUserDisabledAction": one((w) => ({ userId: w.bystander.id, disabled: false })),
  "teams#createTeamAction": one(() => ({ name: "Matrix side team" })),
  "teams#renameTeamAction": one((w) => ({ teamId: w.team.id, name: w.team.name })),
  "teams#deleteTeamAction": one(async (w) => ({ teamId: (await w.cloneTeam()).id })),
  "teams#createInviteAction": one((w) => ({ teamId: w.team.id, role: "VIEWER" })),
  "teams#acceptInviteAction": one(async (w) => ({ token: await w.newInvite((await w.cloneTeam()).id) })),
  "teams#leaveTeamAction": one(async (w) => ({ teamId: (await w.cloneTeam()).id })),
  "teams#removeMemberAction": one(async (w) => ({ teamId: (await w.cloneTeam()).id, userId: w.users.viewer.id })),
  "teams#changeRoleAction": one(async (w) => ({
    teamId: (await w.cloneTeam()).id,
    userId: w.users.viewer.id,
    role: "EDITOR",
  })),
  "teams#setNoteVisibilityAction": one((w) => ({ noteId: w.note.id, visibility: "TEAM", teamIds: [w.team.id] })),
  "teams#revokePublicLinkAction": one((w) => ({ noteId: w.publicNote2.id, mode: "reissue" })),
  "teams#addCommentAction": one((w) => ({ noteId: w.note.id, body: "matrix comment" })),
  "teams#editCommentAction": one((w) => ({ commentId: w.comment.id, body: "editor's comment" })),
  "teams#deleteCommentAction": one(async (w) => ({ commentId: await w.newEditorComment() })),
  "teams#claimTalkAction": one((w) => ({ teamId: w.team.id, talkId: w.talk.id })),
  "teams#unclaimTalkAction": one((w) => ({ teamId: w.team.id, talkId: w.talk.id })),
  "teams#markReviewedAction": one((w) => ({ teamId: w.team.id, talkId: w.talk.id })),
  "teams#unmarkReviewedAction": one((w) => ({ teamId: w.team.id, talkId: w.talk.id })),
  "teams#buildWriteupDraftAction": one((w) => ({ teamId: w.team.id, eventId: w.event.id })),
  "teams#saveWriteupAction": one((w) => ({ teamId: w.team.id, eventId: w.event.id, talkId: null, body: "# Matrix" })),
};

// ── Calling things over HTTP ────────────────────────────────────────────────────────────────────

async function signedInContext(email: string | null): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL });
  if (!email) return ctx;
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: STRONG_PASSWORD, json: "true", callbackUrl: baseURL },
  });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `session of ${email}`).toBe(email);
  return ctx;
}

function actionIds(): Map<string, string> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.resolve(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const m = entry.filename?.match(/^lib\/actions\/([\w-]+)\.ts$/);
    if (m && entry.exportedName) ids.set(`${m[1]}#${entry.exportedName}`, id);
  }
  return ids;
}

async function callPage(ctx: APIRequestContext, url: string): Promise<Outcome> {
  const res = await ctx.get(url, { maxRedirects: 0 });
  const status = res.status();
  const location = res.headers()["location"] ?? "";
  if (status >= 500) return { verdict: "broken", status, detail: `${status}` };
  if (status >= 300 && status < 400)
    return location.includes("/sign-in")
      ? { verdict: "refused", status, code: "sign-in", detail: location }
      : { verdict: "allowed", status, detail: `→ ${location}` };
  if (status === 404) return { verdict: "refused", status, code: "NOT_FOUND", detail: "404" };
  if (status === 200) return { verdict: "allowed", status, detail: "200" };
  return { verdict: "broken", status, detail: `${status}` };
}

async function callRoute(ctx: APIRequestContext, call: HttpCall): Promise<Outcome> {
  const res = await ctx.fetch(call.path, {
    method: call.method ?? "GET",
    data: call.data,
    headers: call.headers,
    maxRedirects: 0,
  });
  const status = res.status();
  if (status >= 500) return { verdict: "broken", status, detail: `${status} ${(await res.text()).slice(0, 200)}` };
  const code =
    status === 401 ? "UNAUTHENTICATED" : status === 403 ? "FORBIDDEN" : status === 404 ? "NOT_FOUND" : undefined;
  return { verdict: code ? "refused" : "allowed", status, code, detail: `${status}` };
}

async function callAction(ctx: APIRequestContext, id: string, args: unknown[]): Promise<Outcome> {
  const res = await ctx.post("/events", {
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const status = res.status();
  const text = await res.text();
  if (status >= 500) return { verdict: "broken", status, detail: `${status} ${text.slice(0, 200)}` };
  const ok = text.match(/"ok":(true|false)/)?.[1];
  if (!ok) return { verdict: "broken", status, detail: `no action result: ${status} ${text.slice(0, 200)}` };
  if (ok === "true") return { verdict: "allowed", status, detail: "ok" };
  const code = text.match(/"code":"([A-Z_]+)"/)?.[1] ?? "?";
  if (code === "INTERNAL") return { verdict: "broken", status, code, detail: text.slice(0, 200) };
  const refused = code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "NOT_FOUND";
  return {
    verdict: refused ? "refused" : "allowed",
    status,
    code,
    detail: `${code} ${text.match(/"message":"([^"]*)"/)?.[1] ?? ""}`,
  };
}

/** What a refusal must look like for this actor: sign in first, or a refusal that does not reveal what exists. */
function refusalProblem(row: AccessRule, actor: ActorRole, out: Outcome): string | null {
  if (actor === "anonymous") {
    const want = row.surface === "page" ? "sign-in" : "UNAUTHENTICATED";
    return out.code === want ? null : `anonymous should be told to sign in (${want}), got ${out.detail}`;
  }
  if (row.surface === "page")
    return out.code === "NOT_FOUND" ? null : `a refused page should be a plain 404, got ${out.detail}`;
  if (row.refusal === "not-found" && NON_MEMBERS.includes(actor) && out.code !== "NOT_FOUND")
    return `${actor} must not learn this exists: expected not found, got ${out.detail}`;
  if (row.refusal === "forbidden" && out.code !== "FORBIDDEN") return `expected forbidden, got ${out.detail}`;
  return null;
}

// ── The matrix ──────────────────────────────────────────────────────────────────────────────────

test.describe.configure({ mode: "default" });

let world: PermissionWorld;
const sessions = new Map<ActorRole, APIRequestContext>();
let ids: Map<string, string>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  world = await buildPermissionWorld();
  ids = actionIds();
  for (const actor of ACTOR_ROLES)
    sessions.set(actor, await signedInContext(actor === "anonymous" ? null : world.users[actor].email));
});

test.afterAll(async () => {
  for (const ctx of sessions.values()) await ctx.dispose();
  await world?.db.$disconnect();
});

const label = (row: AccessRule) =>
  row.surface === "route" ? `${row.method} ${row.target}` : `${row.surface} ${row.target}`;

for (const row of ACCESS_TABLE) {
  test(`${label(row)} answers as the access table says`, async () => {
    const problems: string[] = [];
    for (const actor of ACTOR_ROLES) {
      const ctx = sessions.get(actor)!;
      let out: Outcome;
      if (row.surface === "page") {
        out = await callPage(ctx, pagePath(world, row.target));
      } else if (row.surface === "route") {
        const call = ROUTE_CALLS[`${row.method} ${row.target}`];
        expect(call, `e2e/permissions.spec.ts has no ROUTE_CALLS entry for ${label(row)}`).toBeDefined();
        out = await callRoute(ctx, call!(world));
      } else {
        const build = ACTION_ARGS[row.target];
        expect(build, `e2e/permissions.spec.ts has no ACTION_ARGS entry for ${row.target}`).toBeDefined();
        const id = ids.get(row.target);
        // An exported action no client component imports is not in the build: nothing can call it.
        if (!id)
          return test.info().annotations.push({
            type: "not reachable",
            description: `${row.target} is not referenced by any client component`,
          });
        out = await callAction(ctx, id, await build!(world));
      }
      const allowed = row.allow.includes(actor);
      if (out.verdict === "broken") problems.push(`${actor}: server error or no answer: ${out.detail}`);
      else if (allowed && out.verdict !== "allowed")
        problems.push(`${actor}: should be allowed, was refused (${out.detail})`);
      else if (!allowed && out.verdict !== "refused")
        problems.push(`${actor}: should be refused, was allowed (${out.detail})`);
      else if (!allowed) {
        const problem = refusalProblem(row, actor, out);
        if (problem) problems.push(`${actor}: ${problem}`);
      }
    }
    expect(problems, label(row)).toEqual([]);
  });
}
