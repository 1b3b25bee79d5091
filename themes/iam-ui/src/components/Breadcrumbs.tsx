import { Breadcrumb, BreadcrumbItem, PageBreadcrumb } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useIamConsole } from "../console";

/** A parent of the page; without `to` it is plain text (a parent the signed-in person may not open). */
export type Crumb = { label: string; to?: string };

/** Where the page sits, as in Keycloak's own pages: the section, then each parent, then the page itself. */
export const Breadcrumbs = ({ parents = [], current }: { parents?: Crumb[]; current: string }) => {
  const { t } = useTranslation();
  const { paths } = useIamConsole();
  const crumbs = [{ label: t("iamServiceAccounts"), to: paths.organizations }, ...parents];
  return (
    <PageBreadcrumb>
      <Breadcrumb data-testid="iam-breadcrumbs">
        {crumbs.map(({ label, to }, index) =>
          to ? (
            <BreadcrumbItem key={index} render={({ className }) => <Link className={className} to={to}>{label}</Link>} />
          ) : (
            <BreadcrumbItem key={index}>{label}</BreadcrumbItem>
          ),
        )}
        <BreadcrumbItem isActive>{current}</BreadcrumbItem>
      </Breadcrumb>
    </PageBreadcrumb>
  );
};
