import { useEffect, useState } from "react";
import { useIam } from "../console";
import type { AccountCredentials } from "./activity";

/**
 * The account's keys and federated credentials, to name what its activity was done with; undefined until read, and
 * none of a kind that could not be read.
 */
export const useAccountCredentials = (accountId: string) => {
  const iam = useIam();
  const [known, setKnown] = useState<AccountCredentials>();
  useEffect(() => {
    let current = true;
    void Promise.all([iam.keys(accountId).catch(() => []), iam.federatedCredentials(accountId).catch(() => [])])
      .then(([keys, credentials]) => current && setKnown({ keys, credentials }));
    return () => {
      current = false;
    };
  }, [iam, accountId]);
  return known;
};
