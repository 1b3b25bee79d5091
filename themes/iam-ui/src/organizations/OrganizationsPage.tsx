import { Button, PageSection, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import type { Organization } from "../api";
import { IamTable } from "../components/IamTable";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { PageHeader } from "../components/PageHeader";
import { useNotify } from "../components/useNotify";
import { useIamConsole } from "../console";
import { formatInstant } from "../dates";
import { YourEnvironments } from "../environments/YourEnvironments";
import { unitNameProblem } from "../validation";

/**
 * The organizations the signed-in person may see, and below them the environments they are a member of (if any);
 * creating an organization is for realm administrators.
 */
export default function OrganizationsPage() {
  const { t } = useTranslation();
  const { api: iam, paths, authority, kind } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const create = authority === "realm-admin" && (
    <Button data-testid="iam-create-organization" onClick={() => setCreating(true)}>
      {t("iamCreateOrganization")}
    </Button>
  );

  return (
    <>
      <PageHeader title={t("iamServiceAccounts")}
        description={t(kind === "account" ? "iamOrganizationsHelpMember" : "iamOrganizationsHelp")} />
      {creating && (
        <NameDescriptionModal title={t("iamCreateOrganization")} submitLabel={t("iamCreate")}
          nameProblem={unitNameProblem} onClose={() => setCreating(false)}
          onSave={async (value) => {
            const created = await iam.createOrganization(value);
            notify.success("iamOrganizationCreated");
            navigate(paths.organization(created.id));
          }} />
      )}
      <PageSection variant="light" className="pf-v5-u-p-0">
        <IamTable<Organization>
          paginated
          ariaLabelKey="iamOrganizations"
          searchPlaceholderKey="iamSearchOrganizations"
          load={(first, max, search) => iam.organizations(first, max, search)}
          rowKey={(o) => o.id}
          toolbar={create && <ToolbarItem>{create}</ToolbarItem>}
          columns={[
            { titleKey: "iamName", render: (o) => <Link to={paths.organization(o.id)}>{o.name}</Link> },
            { titleKey: "iamDescription", render: (o) => o.description, modifier: "truncate" },
            { titleKey: "iamCreatedAt", render: (o) => formatInstant(o.createdAt), modifier: "nowrap" },
          ]}
          empty={{
            titleKey: "iamNoOrganizations",
            bodyKey: kind === "account" ? "iamNoOrganizationsMember" : "iamNoOrganizationsInstructions",
            action: create || undefined,
          }}
        />
      </PageSection>
      <YourEnvironments />
    </>
  );
}
