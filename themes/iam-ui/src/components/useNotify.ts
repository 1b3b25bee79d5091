import { AlertVariant } from "@patternfly/react-core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { IamError } from "../api";
import { useNotifications } from "./Notifications";

/**
 * An error of the API in words: its error_description (which names the field or the scope at fault), else what the
 * status means; a failed request that never reached the server says so.
 */
export const describe = (error: unknown, t: TFunction) => {
  if (error instanceof IamError) {
    if (error.description) return error.description;
    if (error.status === 403) return t("iamForbidden");
    if (error.status === 404) return t("iamNotFoundHelp");
    return error.code || `HTTP ${error.status}`;
  }
  return error instanceof TypeError ? t("iamNetworkError") : String(error);
};

/** Success and error toasts for actions taken in a table or a header. */
export const useNotify = () => {
  const notify = useNotifications();
  const { t } = useTranslation();
  const success = (key: string) => notify(t(key), AlertVariant.success);
  const failure = (key: string, error: unknown) => notify(t(key), AlertVariant.danger, describe(error, t));
  return {
    success,
    failure,
    /** Does the action and says how it went; answers whether it succeeded. */
    attempt: async (action: () => Promise<unknown>, successKey: string, failureKey: string) => {
      try {
        await action();
        success(successKey);
        return true;
      } catch (error) {
        failure(failureKey, error);
        return false;
      }
    },
  };
};
