import { PageSection, Text, TextContent } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Environment } from "../api";
import { IamTable } from "../components/IamTable";
import { When } from "../components/When";
import { useIamConsole } from "../console";

/**
 * The environments the signed-in person holds a role in, for the landing page: a member of an environment alone has
 * no organization or project to find it under. Shown only when there is one.
 *
 * Only for members (`authority` "member", as everyone is in the account console). For realm administrators and viewers
 * the API lists every environment of the realm instead, which is not "theirs" and may be long, and they reach each one
 * under its organization and project anyway.
 */
export const YourEnvironments = () => {
  const { t } = useTranslation();
  const { api, paths, authority } = useIamConsole();
  const [any, setAny] = useState(false);

  useEffect(() => {
    if (authority !== "member") return;
    let current = true;
    // Whether to show the section at all; a failure leaves it out, as the organizations above are what matters.
    api.ownEnvironments(0, 1).then((found) => current && setAny(found.length > 0)).catch(() => {});
    return () => {
      current = false;
    };
  }, [api, authority]);

  if (!any) return null;
  return (
    <PageSection variant="light" className="pf-v5-u-p-0" data-testid="iam-your-environments">
      <TextContent className="pf-v5-u-px-lg pf-v5-u-pt-lg">
        <Text component="h2">{t("iamYourEnvironments")}</Text>
        <Text component="small">{t("iamYourEnvironmentsHelp")}</Text>
      </TextContent>
      <IamTable<Environment>
        paginated
        ariaLabelKey="iamYourEnvironments"
        searchPlaceholderKey="iamSearchEnvironments"
        load={(first, max, search) => api.ownEnvironments(first, max, search)}
        rowKey={(e) => e.id}
        columns={[
          {
            titleKey: "iamName",
            render: (e) => <Link to={paths.environment(e.id)} data-testid={`iam-environment-${e.name}`}>{e.name}</Link>,
          },
          { titleKey: "iamDescription", render: (e) => e.description, modifier: "truncate" },
          { titleKey: "iamCreatedAt", render: (e) => <When instant={e.createdAt} never="" />, modifier: "nowrap" },
        ]}
        empty={{ titleKey: "iamNoEnvironments", bodyKey: "iamYourEnvironmentsHelp" }}
      />
    </PageSection>
  );
};
