import { ForbiddenSection, useAccess } from "@keycloak/keycloak-admin-ui";
import type { PropsWithChildren } from "react";
import { useMatches } from "react-router-dom";

type Access = Parameters<ReturnType<typeof useAccess>["hasAccess"]>[number];

/** Keycloak's own pages keep their access rules: a route's `handle.access` names the roles it needs. */
export const AuthWall = ({ children }: PropsWithChildren) => {
  const { hasAccess } = useAccess();
  const needed = useMatches().flatMap(({ handle }) => {
    const access = (handle as { access?: Access | Access[] } | undefined)?.access;
    return access === undefined ? [] : Array.isArray(access) ? access : [access];
  });
  return hasAccess(...needed) ? <>{children}</> : <ForbiddenSection permissionNeeded={needed} />;
};
