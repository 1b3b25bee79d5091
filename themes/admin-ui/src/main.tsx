import "@patternfly/react-core/dist/styles/base.css";
import "@patternfly/patternfly/patternfly-addons.css";
import "@keycloak/keycloak-admin-ui/styles.css";
import "../../iam-ui/src/iam.css";
import "./theme.css";

import { KeycloakProvider, routes } from "@keycloak/keycloak-admin-ui";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { iamRoutes } from "../../iam-ui/src";
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
      // Access is decided by the extension's API for every call (404 for what the caller may not see), so the
      // console lets anyone signed in open these pages.
      children: [...iamRoutes("/:realm/service-accounts", { access: "anyone" }), ...routes],
    },
  ],
);

await i18n.init();
createRoot(document.getElementById("app")!).render(<RouterProvider router={router} />);
