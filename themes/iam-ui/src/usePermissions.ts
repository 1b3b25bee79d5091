import { useCallback, useEffect, useState } from "react";
import type { IamApi, Project, Scope } from "./api";
import { type Caller, useIamConsole } from "./console";
import { effectiveInProject, type Permissions, permissions, type Role } from "./roles";

/** The caller's own role in an organization or project, read from its member list (null when not a member). */
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
