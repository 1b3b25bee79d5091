import { Header, PageNav } from "@keycloak/keycloak-account-ui";
import { Bullseye, Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { NotificationsProvider } from "../../iam-ui/src";
import { AccountIamConsole } from "./AccountIamConsole";

/** Keycloak's account console page: its header, its navigation (from content.json, with Service accounts), a page. */
export const Root = () => (
  <Page header={<Header />} sidebar={<PageNav />} isManagedSidebar>
    <NotificationsProvider>
      <AccountIamConsole>
        <Suspense fallback={<Bullseye><Spinner /></Bullseye>}>
          <Outlet />
        </Suspense>
      </AccountIamConsole>
    </NotificationsProvider>
  </Page>
);
