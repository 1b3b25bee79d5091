import type { RealmAuthority } from "./console";

export const PROJECT_ROLES = ["project.user", "project.developer", "project.admin"] as const;
export const ORGANIZATION_ROLES = ["organization.admin"] as const;
export const ENVIRONMENT_ROLES = ["environment.reader", "environment.admin"] as const;

/**
 * Every role, least powerful first, in two ladders (SPEC §2 and §9): in each, a role includes the ones before it; the
 * environment roles include nothing of the other ladder, nor it of them (a project role counts in an environment only
 * through `effectiveInEnvironment`).
 */
export type Role = (typeof PROJECT_ROLES)[number] | (typeof ORGANIZATION_ROLES)[number] | (typeof ENVIRONMENT_ROLES)[number];
const LADDERS: readonly (readonly Role[])[] = [[...PROJECT_ROLES, ...ORGANIZATION_ROLES], ENVIRONMENT_ROLES];

export const includes = (held: Role | undefined, needed: Role) =>
  held !== undefined &&
  LADDERS.some((ladder) => ladder.includes(held) && ladder.includes(needed) && ladder.indexOf(held) >= ladder.indexOf(needed));

/**
 * What the page offers the signed-in person in one organization, project or environment. These are hints that hide
 * buttons nobody could use; the REST API decides every call, and a refusal is shown in words.
 */
export type Permissions = {
  manageAccounts: boolean;
  manageMembers: boolean;
  /**
   * Update, and in a project delete, the unit itself; move accounts out of a project; in a project, create, rename and
   * delete its environments; in an environment, rename and delete it (`project.admin` of its project).
   */
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

/**
 * In an environment: its members are managed by its `environment.admin`s (`inEnvironment`, the effective role there);
 * the environment itself is renamed and deleted by the `project.admin`s of its project (`inProject`).
 */
export const environmentPermissions = (authority: RealmAuthority, inEnvironment?: Role, inProject?: Role): Permissions => {
  if (authority === "realm-admin") {
    return { ...NONE, manageMembers: true, administer: true, grantable: ENVIRONMENT_ROLES };
  }
  const admin = includes(inEnvironment, "environment.admin");
  return {
    ...NONE,
    manageMembers: admin,
    administer: includes(inProject, "project.admin"),
    grantable: admin ? ENVIRONMENT_ROLES.filter((role) => includes(inEnvironment, role)) : [],
  };
};

/** The stronger of a role held in a project and `organization.admin` of its organization. */
export const effectiveInProject = (inProject?: Role, organizationAdmin = false): Role | undefined =>
  organizationAdmin ? "organization.admin" : inProject;

/**
 * The role that counts in an environment: `environment.admin` for a `project.admin` (or `organization.admin`) of its
 * project, else the role held there; `project.user` and `project.developer` give nothing there.
 */
export const effectiveInEnvironment = (inEnvironment?: Role, inProject?: Role): Role | undefined =>
  includes(inProject, "project.admin") ? "environment.admin" : inEnvironment;
