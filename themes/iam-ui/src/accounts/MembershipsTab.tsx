import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Membership } from "../api";
import { IamTable } from "../components/IamTable";
import { useIamConsole } from "../console";

type Row = Membership & { kind: "organization" | "project" };

/** Where the account is a member, with which role: what its tokens carry. */
export const MembershipsTab = ({ accountId }: { accountId: string }) => {
  const { t } = useTranslation();
  const { api, paths } = useIamConsole();
  return (
    <IamTable<Row>
      ariaLabelKey="iamMemberships"
      load={async () => {
        const { organizations, projects } = await api.memberships(accountId);
        return [
          ...organizations.map((m) => ({ ...m, kind: "organization" as const })),
          ...projects.map((m) => ({ ...m, kind: "project" as const })),
        ];
      }}
      rowKey={(m) => m.id}
      columns={[
        { titleKey: "iamType", render: (m) => t(m.kind === "organization" ? "iamOrganization" : "iamProject") },
        {
          titleKey: "iamName",
          render: (m) => (
            <Link to={m.kind === "project" ? paths.project(m.id) : paths.organization(m.id)}>{m.name}</Link>
          ),
        },
        { titleKey: "iamRole", render: (m) => m.role },
      ]}
      empty={{ titleKey: "iamNoMemberships", bodyKey: "iamNoMembershipsInstructions" }}
    />
  );
};
