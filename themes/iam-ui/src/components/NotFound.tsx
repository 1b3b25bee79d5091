import { EmptyState, EmptyStateBody, EmptyStateHeader, PageSection } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

/** What the API answered 404 for: unknown, or not visible to the signed-in person; the two look the same. */
export const NotFound = () => {
  const { t } = useTranslation();
  return (
    <PageSection variant="light">
      <EmptyState data-testid="iam-not-found">
        <EmptyStateHeader titleText={t("iamNotFound")} headingLevel="h1" />
        <EmptyStateBody>{t("iamNotFoundHelp")}</EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
};
