import { Label, List, ListItem, Tooltip } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { ClaimPatterns, FederatedCredential, TrustedIssuer } from "../api";
import { trustedIssuer } from "./issuers";

type IssuerProps = { credential: FederatedCredential; issuers?: TrustedIssuer[] };

/**
 * Whose tokens (the identity provider's name, its URL on hover) for which subject. An issuer no identity provider of
 * the realm has any more is said to be so: its tokens are refused.
 */
export const IssuerAndSubject = ({ credential, issuers }: IssuerProps) => {
  const { t } = useTranslation();
  const found = issuers && trustedIssuer(credential.issuer, issuers);
  return (
    <>
      <div>
        <Tooltip content={credential.issuer}>
          <span data-testid="iam-credential-issuer-name">{found ? found.displayName || found.alias : credential.issuer}</span>
        </Tooltip>
        {issuers && !found && (
          <Tooltip content={t("iamIssuerNotTrustedHelp")}>
            <Label isCompact color="orange" className="pf-v5-u-ml-sm">{t("iamIssuerNotTrusted")}</Label>
          </Tooltip>
        )}
      </div>
      <code data-testid="iam-credential-subject-cell">{credential.subject}</code>
    </>
  );
};

/** The claims a token must also carry: their names, each with its pattern on hover; "none" when there are none. */
export const ClaimsSummary = ({ claims }: { claims: ClaimPatterns }) => {
  const { t } = useTranslation();
  const entries = Object.entries(claims ?? {});
  if (entries.length === 0) return <>{t("iamClaimsNone")}</>;
  return (
    <Tooltip content={
      <List isPlain>
        {entries.map(([name, pattern]) => <ListItem key={name}><code>{name}</code>: <code>{pattern}</code></ListItem>)}
      </List>
    }>
      <span data-testid="iam-credential-claims">{entries.map(([name]) => name).join(", ")}</span>
    </Tooltip>
  );
};
