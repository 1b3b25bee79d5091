import { useEffect, useState } from "react";
import type { TrustedIssuer } from "../api";
import { useIam } from "../console";

/** The identity provider of the realm that has this issuer, if one still does. */
export const trustedIssuer = (issuer: string, issuers: TrustedIssuer[]) => issuers.find((i) => i.issuer === issuer);

/** An issuer as people know it: its identity provider's display name (or alias), then its URL. */
export const issuerLabel = (issuer: string, issuers: TrustedIssuer[]) => {
  const found = trustedIssuer(issuer, issuers);
  return found ? `${found.displayName || found.alias} — ${issuer}` : issuer;
};

export type TrustedIssuers = { issuers?: TrustedIssuer[]; failure?: unknown };

/** The issuers a credential may name, read once per tab; undefined until known. */
export const useTrustedIssuers = (): TrustedIssuers => {
  const iam = useIam();
  const [state, setState] = useState<TrustedIssuers>({});
  useEffect(() => {
    let current = true;
    iam.trustedIssuers()
      .then((issuers) => current && setState({ issuers }))
      .catch((failure) => current && setState({ issuers: [], failure }));
    return () => {
      current = false;
    };
  }, [iam]);
  return state;
};
