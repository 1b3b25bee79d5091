import { PageNav, useRealm } from "@keycloak/keycloak-admin-ui";
import { Nav, NavGroup, PageSidebar, PageSidebarBody } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";

/** Keycloak's navigation, with the Service accounts section on top. */
export const Sidebar = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  return (
    <PageSidebar className="iam-sidebar">
      <PageSidebarBody isFilled={false} className="iam-sidebar__section">
        <Nav aria-label={t("iamServiceAccounts")}>
          <NavGroup title={t("iamServiceAccounts")}>
            <li>
              <NavLink
                id="nav-item-service-accounts"
                data-testid="nav-item-service-accounts"
                to={`/${encodeURIComponent(realm)}/service-accounts`}
                className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}
              >
                {t("iamOrganizationsAndProjects")}
              </NavLink>
            </li>
          </NavGroup>
        </Nav>
      </PageSidebarBody>
      <PageSidebarBody className="iam-sidebar__keycloak">
        <PageNav />
      </PageSidebarBody>
    </PageSidebar>
  );
};
