import { AdminClientProvider, AppContexts, Header, PageBreadCrumbs } from "@keycloak/keycloak-admin-ui";
import { mainPageContentId } from "@keycloak/keycloak-ui-shared";
import { Bullseye, Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { NotificationsProvider } from "../../iam-ui/src";
import { AdminIamConsole } from "./AdminIamConsole";
import { AuthWall } from "./AuthWall";
import { Sidebar } from "./Sidebar";

/**
 * Keycloak's admin console page, with a sidebar that adds the Service accounts section. Keycloak's breadcrumbs know
 * only Keycloak's routes; the section's pages show their own in the same place.
 */
export const Shell = () => (
  <AdminClientProvider>
    <AppContexts>
      <NotificationsProvider>
        <AdminIamConsole>
          <Page
            header={<Header />}
            isManagedSidebar
            sidebar={<Sidebar />}
            breadcrumb={<PageBreadCrumbs />}
            mainContainerId={mainPageContentId}
          >
            <Suspense fallback={<Bullseye><Spinner /></Bullseye>}>
              <AuthWall>
                <Outlet />
              </AuthWall>
            </Suspense>
          </Page>
        </AdminIamConsole>
      </NotificationsProvider>
    </AppContexts>
  </AdminClientProvider>
);
