import { Alert, Bullseye, PageSection, Spinner } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NotFound } from "./NotFound";
import { describe } from "./useNotify";

type State<T> = { value?: T; missing: boolean; error?: unknown };

/** A page's content once its object is loaded; meanwhile a spinner, and Not found or the error in words instead. */
export function Loaded<T>({ state, children }: { state: State<T>; children: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  if (state.missing) return <NotFound />;
  if (state.error !== undefined) {
    return (
      <PageSection variant="light">
        <Alert variant="danger" isInline title={t("iamLoadFailed")}>{describe(state.error, t)}</Alert>
      </PageSection>
    );
  }
  if (state.value === undefined) {
    return <Bullseye className="pf-v5-u-p-xl"><Spinner aria-label={t("iamLoading")} /></Bullseye>;
  }
  return <>{children(state.value)}</>;
}
