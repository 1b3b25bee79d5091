import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { type PropsWithChildren, useMemo } from "react";
import { apiOf, callerOf, IamConsoleProvider, iamPaths } from "../../iam-ui/src";
import { basePath, serverBaseUrl } from "./environment";

/**
 * The Service accounts section inside the account console: the extension's API of the person's own realm, called
 * with their account-console token, which the API accepts like any token of the realm and authorizes by membership.
 * Realm administrators use the admin console; here everyone is a member and sees what their roles allow.
 */
export const AccountIamConsole = ({ children }: PropsWithChildren) => {
  const { keycloak, environment } = useEnvironment<AccountEnvironment>();
  const value = useMemo(
    () => ({
      kind: "account" as const,
      api: apiOf(keycloak, serverBaseUrl, environment.realm),
      paths: iamPaths(`${basePath}/service-accounts`),
      authority: "member" as const,
      caller: callerOf(keycloak),
    }),
    [keycloak, environment],
  );
  return <IamConsoleProvider value={value}>{children}</IamConsoleProvider>;
};
