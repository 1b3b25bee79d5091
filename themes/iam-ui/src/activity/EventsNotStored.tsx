import { Alert, List, ListItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

/** Where the realm stores no events there is no activity to show: how a realm administrator turns storing on. */
export const EventsNotStored = () => {
  const { t } = useTranslation();
  return (
    <Alert variant="info" isInline title={t("iamEventsNotStored")} data-testid="iam-events-not-stored" className="pf-v5-u-m-md">
      <p>{t("iamEventsNotStoredHowTo")}</p>
      <List>
        <ListItem>{t("iamEventsNotStoredUserEvents")}</ListItem>
        <ListItem>{t("iamEventsNotStoredAdminEvents")}</ListItem>
      </List>
    </Alert>
  );
};
