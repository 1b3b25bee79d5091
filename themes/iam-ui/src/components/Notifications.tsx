import { Alert, AlertActionCloseButton, AlertGroup, AlertVariant } from "@patternfly/react-core";
import { createContext, type PropsWithChildren, useCallback, useContext, useEffect, useState } from "react";
import { useLocation } from "react-router-dom";

type Notice = { id: number; title: string; variant: AlertVariant; description?: string };
type Notify = (title: string, variant: AlertVariant, description?: string) => void;

const NotifyContext = createContext<Notify>(() => {});

/**
 * Toast alerts of the Service accounts section, the same in both consoles (the consoles' own alert contexts are
 * bundled inside their packages and not reachable from here). An error stays until it is closed, but no longer than
 * it is true: a later success and leaving the page clear it (a success stays its 8 s, also on the page it led to).
 * Errors of a form are shown in the form, not here.
 */
export const NotificationsProvider = ({ children }: PropsWithChildren) => {
  const [notices, setNotices] = useState<Notice[]>([]);
  const { pathname } = useLocation();
  const remove = (id: number) => setNotices((all) => all.filter((n) => n.id !== id));
  const notify = useCallback<Notify>((title, variant, description) => {
    const id = Date.now() + Math.random();
    setNotices((all) => [
      ...(variant === AlertVariant.success ? all.filter((n) => n.variant !== AlertVariant.danger) : all),
      { id, title, variant, description },
    ]);
    if (variant !== AlertVariant.danger) setTimeout(() => remove(id), 8000);
  }, []);
  useEffect(() => setNotices((all) => all.filter((n) => n.variant !== AlertVariant.danger)), [pathname]);
  return (
    <NotifyContext.Provider value={notify}>
      <AlertGroup isToast isLiveRegion>
        {notices.map((n) => (
          <Alert key={n.id} variant={n.variant} title={n.title} data-testid="iam-alert"
            actionClose={<AlertActionCloseButton onClose={() => remove(n.id)} />}>
            {n.description}
          </Alert>
        ))}
      </AlertGroup>
      {children}
    </NotifyContext.Provider>
  );
};

export const useNotifications = () => useContext(NotifyContext);
