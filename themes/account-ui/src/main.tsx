import "@patternfly/react-core/dist/styles/base.css";
import "@patternfly/patternfly/patternfly-addons.css";
import "@keycloak/keycloak-account-ui/styles.css";
import "../../iam-ui/src/iam.css";

import { KeycloakProvider, routes } from "@keycloak/keycloak-account-ui";
import { ErrorPage } from "@keycloak/keycloak-ui-shared";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router-dom";
import { iamRoutes } from "../../iam-ui/src";
import { basePath, environment } from "./environment";
import { i18n } from "./i18n";
import { Root } from "./Root";

// Keycloak's own account pages and the Service accounts section in one router, under /realms/<realm>/account/.
const router = createBrowserRouter([
  {
    path: basePath,
    element: <Root />,
    errorElement: <ErrorPage />,
    children: [...routes, ...iamRoutes("service-accounts")],
  },
]);

await i18n.init();
createRoot(document.getElementById("app")!).render(
  <KeycloakProvider environment={environment}>
    <RouterProvider router={router} />
  </KeycloakProvider>,
);
