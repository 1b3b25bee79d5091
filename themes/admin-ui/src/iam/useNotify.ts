import { AlertVariant } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { IamError } from "./api";
import { useNotifications } from "./Notifications";

/** Success and error alerts; an API error shows its error_description, which names the field at fault. */
export const useNotify = () => {
  const notify = useNotifications();
  const { t } = useTranslation();
  return {
    success: (key: string) => notify(t(key), AlertVariant.success),
    failure: (key: string, error: unknown) =>
      notify(t(key), AlertVariant.danger, error instanceof IamError ? error.message : String(error)),
  };
};
