import { Label, Split, SplitItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Member } from "../api";
import { useIamConsole } from "../console";

/** A member as people know it: a user by username; a service account by its name, linked to its page. */
export const MemberName = ({ member }: { member: Member }) => {
  const { t } = useTranslation();
  const { paths } = useIamConsole();
  const account = member.serviceAccount;
  return (
    <Split hasGutter>
      <SplitItem data-testid={`iam-member-${account?.name ?? member.username}`}>
        {account ? <Link to={paths.account(account.id)}>{account.name}</Link> : member.username}
      </SplitItem>
      {member.type === "serviceAccount" && (
        <SplitItem>
          <Label isCompact color="purple">{t("iamServiceAccount")}</Label>
        </SplitItem>
      )}
    </Split>
  );
};

/** Who controls a service-account member: its owning project, linked, in its organization. */
export const MemberOwner = ({ member }: { member: Member }) => {
  const { paths } = useIamConsole();
  const account = member.serviceAccount;
  if (!account) return null;
  return (
    <span data-testid={`iam-member-owner-${account.name}`}>
      <Link to={paths.project(account.projectId)}>{account.projectName}</Link> · {account.organizationName}
    </span>
  );
};
