import type { AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";

/** What Keycloak writes into the page (index.ftl): server and console URLs, the login realm, the client. */
export const environment = getInjectedEnvironment<AdminEnvironment>();
