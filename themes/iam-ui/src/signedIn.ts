import type Keycloak from "keycloak-js";
import { IamApi } from "./api";
import type { Caller } from "./console";

type Session = Pick<Keycloak, "updateToken" | "login" | "token" | "tokenParsed">;

/** The extension's REST API of a realm, called with the console's token (refreshed shortly before it expires). */
export const apiOf = (keycloak: Session, serverUrl: string, realm: string) =>
  new IamApi(async () => {
    await keycloak.updateToken(5).catch(() => keycloak.login());
    return keycloak.token;
  }, `${serverUrl}/admin/realms/${encodeURIComponent(realm)}/iam`);

/** The signed-in person as their token names them. */
export const callerOf = (keycloak: Session): Caller | undefined => {
  const userId = keycloak.tokenParsed?.sub;
  const username = keycloak.tokenParsed?.preferred_username as string | undefined;
  return userId && username ? { userId, username } : undefined;
};
