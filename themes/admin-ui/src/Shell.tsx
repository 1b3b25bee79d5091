import { AdminClientProvider, AppContexts, Header, PageBreadCrumbs } from "@keycloak/keycloak-admin-ui";
import { mainPageContentId } from "@keycloak/keycloak-ui-shared";
import { Bullseye, Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { AuthWall } from "./AuthWall";
import { NotificationsProvider } from "./iam/Notifications";
import { Sidebar } from "./Sidebar";

/** Keycloak's admin console page, with a sidebar that adds the Service accounts section. */
export const Shell = () => (
  <AdminClientProvider>
    <AppContexts>
      <NotificationsProvider>
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
      </NotificationsProvider>
    </AppContexts>
  </AdminClientProvider>
);
