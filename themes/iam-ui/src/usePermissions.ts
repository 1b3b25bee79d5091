import { useCallback, useEffect, useState } from "react";
import type { Environment, IamApi, Project, Scope } from "./api";
import { type Caller, useIamConsole } from "./console";
import {
  effectiveInEnvironment,
  effectiveInProject,
  environmentPermissions,
  type Permissions,
  permissions,
  type Role,
} from "./roles";

/**
 * The caller's own role in an organization, project or environment, read from its member list (none when not a member,
 * and where the caller may not read the list: an environment's members are hidden from the project's lesser roles).
 */
const roleOf = async (api: IamApi, scope: Scope, id: string, caller?: Caller): Promise<Role | undefined> => {
  if (!caller) return undefined;
  const found = await api.members(scope, id, 0, 100, caller.username).catch(() => []);
  return found.find((member) => member.id === caller.userId)?.role as Role | undefined;
};

/** Permissions decided once per organization or project shown; undefined until known (buttons stay hidden meanwhile). */
const useDecided = (key: string | undefined, decide: () => Promise<Permissions>) => {
  const [granted, setGranted] = useState<Permissions>();
  useEffect(() => {
    if (!key) return;
    let current = true;
    void decide().then((decided) => current && setGranted(decided));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, decide]);
  return granted;
};

/** What the signed-in person may do in the organization: organization.admin or not. */
export const useOrganizationPermissions = (organizationId?: string) => {
  const { api, authority, caller } = useIamConsole();
  const decide = useCallback(async () => {
    const role = authority === "realm-admin" ? undefined : await roleOf(api, "organizations", organizationId!, caller);
    return permissions(authority, "organization", role);
  }, [api, authority, caller, organizationId]);
  return useDecided(organizationId, decide);
};

/** What the signed-in person may do in the project: its own role there, or organization.admin of its organization. */
export const useProjectPermissions = (project?: Project) => {
  const { api, authority, caller } = useIamConsole();
  const decide = useCallback(async () => {
    if (authority === "realm-admin") return permissions(authority, "project");
    const [inProject, inOrganization] = await Promise.all([
      roleOf(api, "projects", project!.id, caller),
      roleOf(api, "organizations", project!.organizationId, caller),
    ]);
    return permissions(authority, "project", effectiveInProject(inProject, inOrganization === "organization.admin"));
  }, [api, authority, caller, project]);
  return useDecided(project?.id, decide);
};

/**
 * What the signed-in person may do in the environment: its own role there (or environment.admin as project.admin or
 * organization.admin of its project) for its members, and the project role for renaming and deleting it.
 */
export const useEnvironmentPermissions = (environment?: Environment) => {
  const { api, authority, caller } = useIamConsole();
  const decide = useCallback(async () => {
    if (authority === "realm-admin") return environmentPermissions(authority);
    const [inEnvironment, inProject, inOrganization] = await Promise.all([
      roleOf(api, "environments", environment!.id, caller),
      roleOf(api, "projects", environment!.projectId, caller),
      roleOf(api, "organizations", environment!.organizationId, caller),
    ]);
    const project = effectiveInProject(inProject, inOrganization === "organization.admin");
    return environmentPermissions(authority, effectiveInEnvironment(inEnvironment, project), project);
  }, [api, authority, caller, environment]);
  return useDecided(environment?.id, decide);
};
