import { useEffect, useState } from "react";
import { IamError } from "../api";

/**
 * Loads what a page shows. `missing` when the API answers 404 (unknown, or not visible to the signed-in person);
 * any other failure is kept in `error` for the page to say.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T>();
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    setMissing(false);
    setError(undefined);
    load()
      .then((loaded) => current && setValue(loaded))
      .catch((failure) => {
        if (!current) return;
        if (failure instanceof IamError && failure.status === 404) setMissing(true);
        else setError(failure);
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  return { value, missing, error, reload: () => setVersion((v) => v + 1), set: setValue };
}
