import { type AdminEnvironment, useAccess, useEnvironment, useRealm } from "@keycloak/keycloak-admin-ui";
import { type PropsWithChildren, useMemo } from "react";
import { apiOf, callerOf, IamConsoleProvider, iamPaths, type RealmAuthority } from "../../iam-ui/src";

/**
 * The Service accounts section inside the admin console: the API of the realm the console shows (not necessarily
 * the one the administrator signed in to), with the administrator's token, and links under /<realm>/service-accounts.
 */
export const AdminIamConsole = ({ children }: PropsWithChildren) => {
  const { keycloak, environment } = useEnvironment<AdminEnvironment>();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const authority: RealmAuthority = hasAccess("manage-users") ? "realm-admin" : hasAccess("view-users") ? "realm-viewer" : "member";
  const value = useMemo(
    () => ({
      kind: "admin" as const,
      api: apiOf(keycloak, environment.adminBaseUrl, realm),
      paths: iamPaths(`/${encodeURIComponent(realm)}/service-accounts`),
      authority,
      // Only a user of the realm shown can be a member of its organizations and projects.
      caller: environment.realm === realm ? callerOf(keycloak) : undefined,
    }),
    [keycloak, environment, realm, authority],
  );
  return <IamConsoleProvider value={value}>{children}</IamConsoleProvider>;
};
