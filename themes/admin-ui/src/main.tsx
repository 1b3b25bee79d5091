import "@patternfly/react-core/dist/styles/base.css";
import "@patternfly/patternfly/patternfly-addons.css";
import "@keycloak/keycloak-admin-ui/styles.css";
import "./theme.css";

import { KeycloakProvider, routes } from "@keycloak/keycloak-admin-ui";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { serviceAccountRoutes } from "./iam/routes";
import { Shell } from "./Shell";

// Keycloak's own routes and the Service accounts section in one router; the console routes by the URL's fragment
// (/admin/master/console/#/demo/service-accounts).
const router = createHashRouter(
  [
    {
      path: "/",
      element: (
        <KeycloakProvider environment={environment}>
          <Shell />
        </KeycloakProvider>
      ),
      children: [...serviceAccountRoutes, ...routes],
    },
  ],
);

await i18n.init();
createRoot(document.getElementById("app")!).render(<RouterProvider router={router} />);
