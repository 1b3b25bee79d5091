import { type AdminEnvironment, useAccess, useEnvironment, useRealm } from "@keycloak/keycloak-admin-ui";
import { type PropsWithChildren, useMemo } from "react";
import { IamApi, IamConsoleProvider, iamPaths, type RealmAuthority } from "../../iam-ui/src";

/**
 * The Service accounts section inside the admin console: the API of the realm the console shows (not necessarily
 * the one the administrator signed in to), with the administrator's token, and links under /<realm>/service-accounts.
 */
export const AdminIamConsole = ({ children }: PropsWithChildren) => {
  const { keycloak, environment } = useEnvironment<AdminEnvironment>();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const authority: RealmAuthority = hasAccess("manage-users") ? "realm-admin" : hasAccess("view-users") ? "realm-viewer" : "member";
  const sub = keycloak.tokenParsed?.sub;
  const username = keycloak.tokenParsed?.preferred_username as string | undefined;

  const value = useMemo(() => {
    const api = new IamApi(async () => {
      await keycloak.updateToken(5).catch(() => keycloak.login());
      return keycloak.token;
    }, `${environment.adminBaseUrl}/admin/realms/${encodeURIComponent(realm)}/iam`);
    // Only a user of the realm shown can be a member of its organizations and projects.
    const caller = environment.realm === realm && sub && username ? { userId: sub, username } : undefined;
    return { kind: "admin" as const, api, paths: iamPaths(`/${encodeURIComponent(realm)}/service-accounts`), authority, caller };
  }, [keycloak, environment, realm, authority, sub, username]);

  return <IamConsoleProvider value={value}>{children}</IamConsoleProvider>;
};
