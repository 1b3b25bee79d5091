import { ViewHeader, useRealm } from "@keycloak/keycloak-admin-ui";
import { Button, PageSection, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { NameDescriptionModal } from "./NameDescriptionModal";
import { type Organization, useIam } from "./api";
import { IamTable } from "./IamTable";
import { iamPaths } from "./paths";
import { useNotify } from "./useNotify";

/** The organizations the signed-in administrator may see; creating one needs manage-users of the realm. */
export default function OrganizationsSection() {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const iam = useIam();
  const notify = useNotify();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const create = (
    <Button data-testid="iam-create-organization" onClick={() => setCreating(true)}>
      {t("iamCreateOrganization")}
    </Button>
  );

  return (
    <>
      <ViewHeader titleKey="iamServiceAccounts" subKey="iamOrganizationsHelp" divider />
      {creating && (
        <NameDescriptionModal
          titleKey="iamCreateOrganization"
          onClose={() => setCreating(false)}
          onSave={async (value) => {
            try {
              const created = await iam.createOrganization(value);
              notify.success("iamOrganizationCreated");
              navigate(iamPaths.organization(realm, created.id));
            } catch (error) {
              notify.failure("iamOrganizationCreateFailed", error);
            }
          }}
        />
      )}
      <PageSection variant="light" className="pf-v5-u-p-0">
        <IamTable<Organization>
          paginated
          ariaLabelKey="iamOrganizations"
          searchPlaceholderKey="iamSearchOrganizations"
          load={(first, max, search) => iam.organizations(first, max, search)}
          rowKey={(o) => o.id}
          toolbar={<ToolbarItem>{create}</ToolbarItem>}
          columns={[
            { titleKey: "name", render: (o) => <Link to={iamPaths.organization(realm, o.id)}>{o.name}</Link> },
            { titleKey: "description", render: (o) => o.description },
            { titleKey: "iamCreatedAt", render: (o) => new Date(o.createdAt).toLocaleString() },
          ]}
          empty={{ titleKey: "iamNoOrganizations", bodyKey: "iamNoOrganizationsInstructions", action: create }}
        />
      </PageSection>
    </>
  );
}
