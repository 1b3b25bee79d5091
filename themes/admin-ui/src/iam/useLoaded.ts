import { useEffect, useState } from "react";
import { IamError } from "./api";

/** Loads one resource for a page; `missing` when the API says 404 (unknown, or not visible to this administrator). */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T>();
  const [missing, setMissing] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load()
      .then((loaded) => current && setValue(loaded))
      .catch((error) => {
        if (error instanceof IamError && error.status === 404) {
          setMissing(true);
        } else {
          throw error;
        }
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  return { value, missing, reload: () => setVersion((v) => v + 1), set: setValue };
}
