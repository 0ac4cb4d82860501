// Who may do what, as one table. The data layer asks `can()` before every team or note operation,
// so this table IS the enforcement: change a cell here and the queries follow. An HTTP-level matrix
// test can iterate ACTOR_ROLES × ACTIONS and expect exactly these answers from the endpoints.
// Pure (no database, no server-only): safe to import from tests and client components alike.
import type { TeamRole } from "../generated/prisma/enums";

/**
 * The actor's standing towards the thing acted on:
 * - anonymous: not signed in;
 * - stranger: signed in, no membership in the team concerned;
 * - viewer / editor / owner: their Membership role in that team (for a note, its author counts as owner);
 * - admin: a site administrator who is not a member. Admins get no team powers on purpose: team
 *   notes are private to the team, and an admin who joins a team acts with that membership's role.
 */
export const ACTOR_ROLES = ["anonymous", "stranger", "viewer", "editor", "owner", "admin"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

type PolicyRow = Readonly<Record<ActorRole, boolean>>;

function allow(...roles: ActorRole[]): PolicyRow {
  return Object.freeze(
    Object.fromEntries(ACTOR_ROLES.map((r) => [r, roles.includes(r)])) as Record<ActorRole, boolean>,
  );
}

const SIGNED_IN: ActorRole[] = ["stranger", "viewer", "editor", "owner", "admin"];
const MEMBERS: ActorRole[] = ["viewer", "editor", "owner"];
const WRITERS: ActorRole[] = ["editor", "owner"];

export const POLICY = Object.freeze({
  "team.create": allow(...SIGNED_IN),
  "team.read": allow(...MEMBERS), // also decides FORBIDDEN vs NOT_FOUND: only readers learn a team exists
  "team.rename": allow("owner"),
  "team.delete": allow("owner"),
  "team.invite": allow("owner"),
  "team.changeRole": allow("owner"),
  "team.removeMember": allow("owner"),
  "team.leave": allow(...MEMBERS), // the last owner is refused separately ("last_owner")
  "invite.accept": allow(...SIGNED_IN), // members too: accepting keeps the higher of the two roles
  "note.readPublic": allow(...ACTOR_ROLES), // only through the note's unguessable public token
  "note.readTeam": allow(...MEMBERS), // a TEAM note shared with a team the actor belongs to
  "note.shareWithTeam": allow(...MEMBERS), // the author sharing their own note with one of their teams
  "note.comment": allow(...MEMBERS),
  "talk.claim": allow(...WRITERS),
  "talk.markReviewed": allow(...WRITERS),
  "writeup.read": allow(...MEMBERS),
  "writeup.edit": allow(...WRITERS),
  "admin.users": allow("admin"),
  "admin.agenda": allow("admin"),
} satisfies Record<string, PolicyRow>);

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function can(role: ActorRole, action: Action): boolean {
  return POLICY[action][role];
}

/** The actor role for a team from the actor's membership there (none: stranger). */
export function roleInTeam(membershipRole: TeamRole | null | undefined): ActorRole {
  if (membershipRole === "OWNER") return "owner";
  if (membershipRole === "EDITOR") return "editor";
  if (membershipRole === "VIEWER") return "viewer";
  return "stranger";
}

const TEAM_ROLES: readonly TeamRole[] = ["OWNER", "EDITOR", "VIEWER"];

/** The membership roles allowed an action, for Prisma filters (`role: { in: … }`) built from this table. */
export function teamRolesAllowed(action: Action): TeamRole[] {
  return TEAM_ROLES.filter((r) => can(roleInTeam(r), action));
}

const RANK: Record<TeamRole, number> = { VIEWER: 0, EDITOR: 1, OWNER: 2 };

/** The more powerful of two membership roles (accepting an invite never demotes anyone). */
export function higherTeamRole(a: TeamRole, b: TeamRole): TeamRole {
  return RANK[a] >= RANK[b] ? a : b;
}
