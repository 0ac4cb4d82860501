// Every page, route handler and server action of the app, and who may use it. The permission-matrix
// test (e2e/permissions.spec.ts) finds every app/**/page.tsx, app/**/route.ts and every exported
// server action in lib/actions/*.ts; one missing here fails it. It then calls each against the
// matrix fixture below as each actor and expects exactly these answers over HTTP.
//
// The fixture (built by e2e/permission-fixture.ts):
// - team T with an owner, an editor and a viewer; a "stranger" (signed in, in no team); a site
//   "admin" who is in no team; "anonymous" has no session.
// - event E (public agenda) with talk K; the owner wrote note N on K and shared it with T (TEAM);
//   each action is called on these (its own ids), so "allowed" means allowed on T/E/K/N.
// Pure data: safe for tests and tooling.
import { ACTOR_ROLES, type ActorRole } from "./policy";

export type Surface = "page" | "route" | "action";

export interface AccessRule {
  /**
   * page/route: the URL pattern as in the file tree, route groups dropped ("/events/[slug]").
   * action: "<module>#<export>" for lib/actions/<module>.ts ("teams#createTeamAction").
   */
  target: string;
  surface: Surface;
  /** route handlers: the HTTP method. */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** who gets the thing itself (a page rendered, a 2xx, an action's { ok: true } or a validation error). */
  allow: readonly ActorRole[];
  /** how a refused actor is turned away; pages send anonymous users to sign in. */
  refusal?: "sign-in" | "not-found" | "forbidden" | "unauthenticated";
  why?: string;
}

const EVERYONE = ACTOR_ROLES;
const SIGNED_IN: readonly ActorRole[] = ["stranger", "viewer", "editor", "owner", "admin"];
const MEMBERS: readonly ActorRole[] = ["viewer", "editor", "owner"];
const WRITERS: readonly ActorRole[] = ["editor", "owner"];
const AUTHOR: readonly ActorRole[] = ["owner"]; // N's author is T's owner
const ADMIN: readonly ActorRole[] = ["admin"];

export const ACCESS_GROUPS = { EVERYONE, SIGNED_IN, MEMBERS, WRITERS, AUTHOR, ADMIN } as const;

export const ACCESS_TABLE: readonly AccessRule[] = [
  // Public reading: agendas, talks, sign-in
  { target: "/", surface: "page", allow: EVERYONE, why: "redirects to /events" },
  { target: "/events", surface: "page", allow: EVERYONE },
  { target: "/events/[slug]", surface: "page", allow: EVERYONE },
  { target: "/events/[slug]/talks/[talkId]", surface: "page", allow: EVERYONE },
  { target: "/sign-in", surface: "page", allow: EVERYONE },
  { target: "/sign-up", surface: "page", allow: EVERYONE },
  { target: "/api/health", surface: "route", method: "GET", allow: EVERYONE },
  {
    target: "/api/ready",
    surface: "route",
    method: "GET",
    allow: EVERYONE,
    why: "readiness for load balancers (docs/deploy.md)",
  },
  { target: "/api/auth/[...nextauth]", surface: "route", method: "GET", allow: EVERYONE, why: "Auth.js endpoints" },
  { target: "/api/auth/[...nextauth]", surface: "route", method: "POST", allow: EVERYONE, why: "Auth.js endpoints" },
  { target: "/api/events/[slug]/export", surface: "route", method: "GET", allow: EVERYONE, why: "agendas are public" },
  { target: "/api/ics/[token]", surface: "route", method: "GET", allow: EVERYONE, why: "the token is the credential" },

  // One's own things
  { target: "/account", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  { target: "/my-agenda", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  { target: "/events/[slug]/notes", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  { target: "/events/[slug]/notes/new", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  {
    target: "/events/[slug]/talks/[talkId]/note",
    surface: "page",
    allow: SIGNED_IN,
    refusal: "sign-in",
    why: "each user's own note on the talk",
  },
  { target: "/events/[slug]/notes/[noteId]", surface: "page", allow: AUTHOR, refusal: "not-found" },
  { target: "/notes/[noteId]/history", surface: "page", allow: AUTHOR, refusal: "not-found" },
  { target: "/api/me/agenda.ics", surface: "route", method: "GET", allow: SIGNED_IN, refusal: "unauthenticated" },
  {
    target: "/api/notes",
    surface: "route",
    method: "POST",
    allow: AUTHOR,
    refusal: "not-found",
    why: "an update of N; a new note of one's own is open to everyone signed in",
  },
  { target: "auth#signUpAction", surface: "action", allow: EVERYONE },
  {
    target: "account#changePasswordAction",
    surface: "action",
    allow: SIGNED_IN,
    refusal: "unauthenticated",
    why: "called with a wrong current password: refused as INVALID, which is not an access refusal",
  },
  { target: "locale#setLocaleAction", surface: "action", allow: EVERYONE },
  { target: "stars#setStarAction", surface: "action", allow: SIGNED_IN, refusal: "unauthenticated" },
  { target: "stars#rotateIcsFeedAction", surface: "action", allow: SIGNED_IN, refusal: "unauthenticated" },
  { target: "stars#revokeIcsFeedAction", surface: "action", allow: SIGNED_IN, refusal: "unauthenticated" },
  { target: "notes#addNoteTagAction", surface: "action", allow: AUTHOR, refusal: "not-found" },
  { target: "notes#removeNoteTagAction", surface: "action", allow: AUTHOR, refusal: "not-found" },
  { target: "notes#suggestNoteTagsAction", surface: "action", allow: AUTHOR, refusal: "not-found" },
  { target: "notes#searchServicesAction", surface: "action", allow: SIGNED_IN, refusal: "unauthenticated" },
  { target: "notes#restoreRevisionAction", surface: "action", allow: AUTHOR, refusal: "not-found" },

  // Site administration
  { target: "/admin", surface: "page", allow: ADMIN, refusal: "not-found" },
  { target: "/admin/events", surface: "page", allow: ADMIN, refusal: "not-found" },
  { target: "/admin/events/[slug]", surface: "page", allow: ADMIN, refusal: "not-found" },
  { target: "/admin/events/import", surface: "page", allow: ADMIN, refusal: "not-found" },
  { target: "/api/admin/agenda/import", surface: "route", method: "POST", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#createEventAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#updateEventAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#deleteEventAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#saveTrackAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#deleteTrackAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#saveTalkAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#moveTalkAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "agenda-admin#deleteTalkAction", surface: "action", allow: ADMIN, refusal: "forbidden" },

  // Teams. Non-members are refused with "not found": only members learn a team exists.
  { target: "/teams", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  { target: "/teams/[teamId]", surface: "page", allow: MEMBERS, refusal: "not-found" },
  { target: "/teams/[teamId]/events/[slug]/plan", surface: "page", allow: MEMBERS, refusal: "not-found" },
  { target: "/teams/[teamId]/events/[slug]/review", surface: "page", allow: MEMBERS, refusal: "not-found" },
  { target: "/teams/[teamId]/events/[slug]/writeup", surface: "page", allow: MEMBERS, refusal: "not-found" },
  {
    target: "/invite/[token]",
    surface: "page",
    allow: EVERYONE,
    why: "shows a Join button; opening it changes nothing",
  },
  { target: "/p/[token]", surface: "page", allow: EVERYONE, why: "a PUBLIC note; the token is the credential" },
  { target: "teams#createTeamAction", surface: "action", allow: SIGNED_IN, refusal: "unauthenticated" },
  { target: "teams#renameTeamAction", surface: "action", allow: ["owner"], refusal: "not-found" },
  { target: "teams#deleteTeamAction", surface: "action", allow: ["owner"], refusal: "not-found" },
  { target: "teams#createInviteAction", surface: "action", allow: ["owner"], refusal: "not-found" },
  {
    target: "teams#acceptInviteAction",
    surface: "action",
    allow: SIGNED_IN,
    refusal: "unauthenticated",
    why: "the token is the credential",
  },
  {
    target: "teams#leaveTeamAction",
    surface: "action",
    allow: MEMBERS,
    refusal: "not-found",
    why: "the last owner gets last_owner, which is not a refusal of access",
  },
  { target: "teams#removeMemberAction", surface: "action", allow: ["owner"], refusal: "not-found" },
  { target: "teams#changeRoleAction", surface: "action", allow: ["owner"], refusal: "not-found" },
  { target: "teams#setNoteVisibilityAction", surface: "action", allow: AUTHOR, refusal: "not-found" },
  { target: "teams#revokePublicLinkAction", surface: "action", allow: AUTHOR, refusal: "not-found" },
  { target: "teams#addCommentAction", surface: "action", allow: MEMBERS, refusal: "not-found" },
  {
    target: "teams#editCommentAction",
    surface: "action",
    allow: ["editor"],
    refusal: "not-found",
    why: "the fixture comment is the editor's",
  },
  {
    target: "teams#deleteCommentAction",
    surface: "action",
    allow: ["editor"],
    refusal: "not-found",
    why: "the fixture comment is the editor's",
  },
  { target: "teams#claimTalkAction", surface: "action", allow: WRITERS, refusal: "not-found" },
  { target: "teams#unclaimTalkAction", surface: "action", allow: WRITERS, refusal: "not-found" },
  { target: "teams#markReviewedAction", surface: "action", allow: WRITERS, refusal: "not-found" },
  { target: "teams#unmarkReviewedAction", surface: "action", allow: WRITERS, refusal: "not-found" },
  { target: "teams#buildWriteupDraftAction", surface: "action", allow: MEMBERS, refusal: "not-found" },
  { target: "teams#saveWriteupAction", surface: "action", allow: WRITERS, refusal: "not-found" },
  { target: "/admin/users", surface: "page", allow: ADMIN, refusal: "not-found" },
  { target: "admin-users#setUserRoleAction", surface: "action", allow: ADMIN, refusal: "forbidden" },
  { target: "admin-users#setUserDisabledAction", surface: "action", allow: ADMIN, refusal: "forbidden" },

  // Search, services, comparison: public data (talks) for everyone; notes only as visibleNotesWhere allows.
  { target: "/services", surface: "page", allow: EVERYONE, why: "counts include only notes the reader may read" },
  {
    target: "/services/[slug]",
    surface: "page",
    allow: EVERYONE,
    why: "talks for all; notes only as visibleNotesWhere allows",
  },
  {
    target: "/compare",
    surface: "page",
    allow: EVERYONE,
    why: "talks for all; notes only as visibleNotesWhere allows",
  },
  { target: "/search", surface: "page", allow: EVERYONE, why: "talks for all; notes only as visibleNotesWhere allows" },

  // Write-ups, export, backup
  {
    target: "/writeups",
    surface: "page",
    allow: SIGNED_IN,
    refusal: "sign-in",
    why: "hub: import, export per event, own backup",
  },
  { target: "/writeups/import", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  {
    target: "/events/[slug]/writeup",
    surface: "page",
    allow: SIGNED_IN,
    refusal: "sign-in",
    why: "own notes (or a team's, for its members) as a post",
  },
  { target: "/events/[slug]/writeup/print", surface: "page", allow: SIGNED_IN, refusal: "sign-in" },
  {
    target: "/api/writeups/import",
    surface: "route",
    method: "POST",
    allow: SIGNED_IN,
    refusal: "unauthenticated",
    why: "anyone signed in may import; adding talks to an existing event is checked per request (admins only)",
  },
  {
    target: "/api/events/[slug]/writeup",
    surface: "route",
    method: "GET",
    allow: MEMBERS,
    refusal: "not-found",
    why: "called with ?team=T (T's notes as a post); without it, each user's own notes",
  },
  {
    target: "/api/notes/[noteId]/markdown",
    surface: "route",
    method: "GET",
    allow: MEMBERS,
    refusal: "not-found",
    why: "N is readable by its author and T's members (visibleNotesWhere)",
  },
  { target: "/api/me/backup", surface: "route", method: "GET", allow: SIGNED_IN, refusal: "unauthenticated" },
  { target: "/api/admin/backup", surface: "route", method: "GET", allow: ADMIN, refusal: "forbidden" },
];
