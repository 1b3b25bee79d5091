import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { type PropsWithChildren, useMemo } from "react";
import { IamApi, IamConsoleProvider, iamPaths } from "../../iam-ui/src";
import { basePath, serverBaseUrl } from "./environment";

/**
 * The Service accounts section inside the account console: the extension's API of the person's own realm, called
 * with their account-console token, which the API accepts like any token of the realm and authorizes by membership.
 * Realm administrators use the admin console; here everyone is a member and sees what their roles allow.
 */
export const AccountIamConsole = ({ children }: PropsWithChildren) => {
  const { keycloak, environment } = useEnvironment<AccountEnvironment>();
  const sub = keycloak.tokenParsed?.sub;
  const username = keycloak.tokenParsed?.preferred_username as string | undefined;

  const value = useMemo(() => {
    const api = new IamApi(async () => {
      await keycloak.updateToken(5).catch(() => keycloak.login());
      return keycloak.token;
    }, `${serverBaseUrl}/admin/realms/${encodeURIComponent(environment.realm)}/iam`);
    const caller = sub && username ? { userId: sub, username } : undefined;
    return { kind: "account" as const, api, paths: iamPaths(`${basePath}/service-accounts`), authority: "member" as const, caller };
  }, [keycloak, environment, sub, username]);

  return <IamConsoleProvider value={value}>{children}</IamConsoleProvider>;
};
