import { useEffect, useState } from "react";
import type { IamApi, Project, Scope } from "./api";
import { type Caller, useIamConsole } from "./console";
import { effectiveInProject, type Permissions, permissions, type Role } from "./roles";

/** The caller's own role in an organization or project, read from its member list (null when not a member). */
const roleOf = async (api: IamApi, scope: Scope, id: string, caller?: Caller): Promise<Role | undefined> => {
  if (!caller) return undefined;
  const found = await api.members(scope, id, 0, 100, caller.username).catch(() => []);
  return found.find((member) => member.id === caller.userId)?.role as Role | undefined;
};

/** What the signed-in person may do in the organization; undefined until known (buttons stay hidden meanwhile). */
export const useOrganizationPermissions = (organizationId?: string) => {
  const { api, authority, caller } = useIamConsole();
  const [granted, setGranted] = useState<Permissions>();
  useEffect(() => {
    if (!organizationId) return;
    let current = true;
    void (authority === "realm-admin" ? Promise.resolve(undefined) : roleOf(api, "organizations", organizationId, caller))
      .then((role) => current && setGranted(permissions(authority, "organization", role)));
    return () => {
      current = false;
    };
  }, [api, authority, caller, organizationId]);
  return granted;
};

/** What the signed-in person may do in the project: its own role there, or organization.admin of its organization. */
export const useProjectPermissions = (project?: Project) => {
  const { api, authority, caller } = useIamConsole();
  const [granted, setGranted] = useState<Permissions>();
  useEffect(() => {
    if (!project) return;
    let current = true;
    const roles = authority === "realm-admin"
      ? Promise.resolve([undefined, undefined])
      : Promise.all([roleOf(api, "projects", project.id, caller), roleOf(api, "organizations", project.organizationId, caller)]);
    void roles.then(([inProject, inOrganization]) => current &&
      setGranted(permissions(authority, "project", effectiveInProject(inProject, inOrganization === "organization.admin"))));
    return () => {
      current = false;
    };
  }, [api, authority, caller, project]);
  return granted;
};
