import { PageSection, EmptyState, EmptyStateHeader, EmptyStateBody } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

export const NotFound = () => {
  const { t } = useTranslation();
  return (
    <PageSection>
      <EmptyState>
        <EmptyStateHeader titleText={t("iamNotFound")} headingLevel="h2" />
        <EmptyStateBody>{t("iamNotFoundHelp")}</EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
};
