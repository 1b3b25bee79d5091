import type { RealmAuthority } from "./console";

export const PROJECT_ROLES = ["project.user", "project.developer", "project.admin"] as const;
export const ORGANIZATION_ROLES = ["organization.admin"] as const;

/** Every role, least powerful first; each includes the ones before it (SPEC §2). */
const ORDER = [...PROJECT_ROLES, ...ORGANIZATION_ROLES] as const;
export type Role = (typeof ORDER)[number];

export const includes = (held: Role | undefined, needed: Role) =>
  held !== undefined && ORDER.indexOf(held) >= ORDER.indexOf(needed);

/**
 * What the page offers the signed-in person in one organization or project. These are hints that hide buttons
 * nobody could use; the REST API decides every call, and a refusal is shown in words.
 */
export type Permissions = {
  manageAccounts: boolean;
  manageMembers: boolean;
  /** Update, and in a project delete, the unit itself; move accounts out of a project. */
  administer: boolean;
  createProject: boolean;
  createOrganization: boolean;
  /** Roles this person may give or take in the unit: none above their own. */
  grantable: readonly Role[];
};

const NONE: Permissions = {
  manageAccounts: false,
  manageMembers: false,
  administer: false,
  createProject: false,
  createOrganization: false,
  grantable: [],
};

export const permissions = (authority: RealmAuthority, scope: "organization" | "project", effective?: Role): Permissions => {
  const roles = scope === "project" ? PROJECT_ROLES : ORGANIZATION_ROLES;
  if (authority === "realm-admin") {
    return {
      manageAccounts: scope === "project",
      manageMembers: true,
      administer: true,
      createProject: scope === "organization",
      createOrganization: true,
      grantable: roles,
    };
  }
  const admin = includes(effective, scope === "project" ? "project.admin" : "organization.admin");
  return {
    ...NONE,
    manageAccounts: scope === "project" && includes(effective, "project.developer"),
    manageMembers: admin,
    administer: admin,
    createProject: scope === "organization" && admin,
    grantable: admin ? roles.filter((role) => includes(effective, role)) : [],
  };
};

/** The stronger of a role held in a project and `organization.admin` of its organization. */
export const effectiveInProject = (inProject?: Role, organizationAdmin = false): Role | undefined =>
  organizationAdmin ? "organization.admin" : inProject;
