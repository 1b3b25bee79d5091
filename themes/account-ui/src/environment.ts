import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";

/** What Keycloak writes into the page (index.ftl): server and console URLs, the realm, the client, the locale. */
export const environment = getInjectedEnvironment<AccountEnvironment>();

/** The server's root URL; index.ftl of some 26.x lines names it authServerUrl only. */
export const serverBaseUrl = (
  environment.serverBaseUrl ?? (environment as unknown as { authServerUrl: string }).authServerUrl
).replace(/\/$/, "");

/** The account console's own path (/realms/<realm>/account), the root of its router. */
export const basePath = decodeURIComponent(new URL(environment.baseUrl).pathname).replace(/\/$/, "");
