import { useCallback, useEffect, useRef, useState } from "react";
import type { ActivityEntry } from "../api";
import { useIam } from "../console";

export const ACTIVITY_PAGE = 100;

/** An account's activity, newest first, a page of a hundred at a time: the next page adds to what was loaded. */
export const useActivity = (accountId: string) => {
  const iam = useIam();
  const [entries, setEntries] = useState<ActivityEntry[]>();
  const [eventsStored, setEventsStored] = useState(true);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const mounted = useRef(true);

  const load = useCallback(async (first: number) => {
    setLoading(true);
    setFailure(undefined);
    try {
      const page = await iam.activity(accountId, first, ACTIVITY_PAGE);
      if (!mounted.current) return;
      setEntries((loaded) => [...(first === 0 ? [] : loaded ?? []), ...page.entries]);
      setEventsStored(page.eventsStored);
      setMore(page.entries.length === ACTIVITY_PAGE);
    } catch (error) {
      if (mounted.current) setFailure(error);
    } finally {
      if (mounted.current) setLoading(false);
    }
  }, [iam, accountId]);

  useEffect(() => {
    mounted.current = true;
    void load(0);
    return () => {
      mounted.current = false;
    };
  }, [load]);

  return { entries, eventsStored, more, loading, failure, loadMore: () => void load(entries?.length ?? 0) };
};
