import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  ACTOR_ROLES,
  POLICY,
  can,
  higherTeamRole,
  roleInTeam,
  teamRolesAllowed,
  type Action,
  type ActorRole,
} from "./policy";

// The specification, written out by hand: the table in policy.ts must say exactly this.
const WHO_MAY: Record<Action, ActorRole[]> = {
  "team.create": ["stranger", "viewer", "editor", "owner", "admin"],
  "team.read": ["viewer", "editor", "owner"],
  "team.rename": ["owner"],
  "team.delete": ["owner"],
  "team.invite": ["owner"],
  "team.changeRole": ["owner"],
  "team.removeMember": ["owner"],
  "team.leave": ["viewer", "editor", "owner"],
  "invite.accept": ["stranger", "viewer", "editor", "owner", "admin"],
  "note.readPublic": ["anonymous", "stranger", "viewer", "editor", "owner", "admin"],
  "note.readTeam": ["viewer", "editor", "owner"],
  "note.shareWithTeam": ["viewer", "editor", "owner"],
  "note.comment": ["viewer", "editor", "owner"],
  "talk.claim": ["editor", "owner"],
  "talk.markReviewed": ["editor", "owner"],
  "writeup.read": ["viewer", "editor", "owner"],
  "writeup.edit": ["editor", "owner"],
  "admin.users": ["admin"],
  "admin.agenda": ["admin"],
};

describe("authorization policy", () => {
  it("answers every role × action exactly as specified", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(WHO_MAY).sort());
    for (const action of ACTIONS)
      for (const role of ACTOR_ROLES)
        expect([action, role, can(role, action)]).toEqual([action, role, WHO_MAY[action].includes(role)]);
  });

  it("gives anonymous visitors nothing but public links, and site admins no team powers", () => {
    expect(ACTIONS.filter((a) => can("anonymous", a))).toEqual(["note.readPublic"]);
    expect(ACTIONS.filter((a) => can("admin", a) && a.startsWith("team.") && a !== "team.create")).toEqual([]);
    expect(can("admin", "note.readTeam")).toBe(false);
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(POLICY)).toBe(true);
    expect(Object.isFrozen(POLICY["team.delete"])).toBe(true);
  });

  it("maps memberships to roles and back into Prisma role filters", () => {
    expect([
      roleInTeam("OWNER"),
      roleInTeam("EDITOR"),
      roleInTeam("VIEWER"),
      roleInTeam(null),
      roleInTeam(undefined),
    ]).toEqual(["owner", "editor", "viewer", "stranger", "stranger"]);
    expect(teamRolesAllowed("talk.claim")).toEqual(["OWNER", "EDITOR"]);
    expect(teamRolesAllowed("note.readTeam")).toEqual(["OWNER", "EDITOR", "VIEWER"]);
    expect(teamRolesAllowed("admin.users")).toEqual([]);
  });

  it("keeps the higher of two membership roles", () => {
    expect(higherTeamRole("VIEWER", "EDITOR")).toBe("EDITOR");
    expect(higherTeamRole("OWNER", "VIEWER")).toBe("OWNER");
    expect(higherTeamRole("EDITOR", "EDITOR")).toBe("EDITOR");
  });
});
