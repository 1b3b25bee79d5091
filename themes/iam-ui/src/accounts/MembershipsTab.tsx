import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { IamApi, Membership } from "../api";
import { IamTable } from "../components/IamTable";
import { useIamConsole } from "../console";

type Kind = "organization" | "project" | "environment";
/** An environment's row also names its project, where the signed-in person may read it. */
type Row = Membership & { kind: Kind; projectName?: string };

const TYPE_KEYS: Record<Kind, string> = {
  organization: "iamOrganization",
  project: "iamProject",
  environment: "iamEnvironment",
};

/** The account's memberships, organizations first, then projects, then environments with the names of their projects. */
const loadRows = async (api: IamApi, accountId: string): Promise<Row[]> => {
  const { organizations, projects, environments = [] } = await api.memberships(accountId);
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const unnamed = [...new Set(environments.map((e) => e.projectId!).filter((id) => !names.has(id)))];
  // A project the account holds no role in is read for its name; one the person may not read stays unnamed.
  const read = await Promise.all(unnamed.map((id) => api.project(id).catch(() => undefined)));
  read.forEach((project) => project && names.set(project.id, project.name));
  return [
    ...organizations.map((m) => ({ ...m, kind: "organization" as const })),
    ...projects.map((m) => ({ ...m, kind: "project" as const })),
    ...environments.map((m) => ({ ...m, kind: "environment" as const, projectName: names.get(m.projectId!) })),
  ];
};

/** Where the account is a member, with which role: what its tokens carry. */
export const MembershipsTab = ({ accountId }: { accountId: string }) => {
  const { t } = useTranslation();
  const { api, paths } = useIamConsole();
  const pathOf = (m: Row) =>
    m.kind === "environment" ? paths.environment(m.id) : m.kind === "project" ? paths.project(m.id) : paths.organization(m.id);
  return (
    <IamTable<Row>
      ariaLabelKey="iamMemberships"
      load={() => loadRows(api, accountId)}
      rowKey={(m) => m.id}
      columns={[
        { titleKey: "iamType", render: (m) => t(TYPE_KEYS[m.kind]) },
        {
          titleKey: "iamName",
          render: (m) => <Link to={pathOf(m)} data-testid={`iam-membership-${m.kind}-${m.name}`}>{m.name}</Link>,
        },
        {
          titleKey: "iamInProject",
          render: (m) => m.kind !== "environment" ? null : m.projectName !== undefined ? (
            <Link to={paths.project(m.projectId!)} data-testid={`iam-membership-project-${m.name}`}>{m.projectName}</Link>
          ) : (
            <span className="pf-v5-u-color-200" data-testid={`iam-membership-project-${m.name}`}>{t("iamProjectNotVisible")}</span>
          ),
        },
        { titleKey: "iamRole", render: (m) => <span data-testid={`iam-membership-role-${m.name}`}>{m.role}</span> },
      ]}
      empty={{ titleKey: "iamNoMemberships", bodyKey: "iamNoMembershipsInstructions" }}
    />
  );
};
