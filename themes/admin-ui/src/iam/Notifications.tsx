import { Alert, AlertActionCloseButton, AlertGroup, AlertVariant } from "@patternfly/react-core";
import { createContext, type PropsWithChildren, useCallback, useContext, useState } from "react";

type Notice = { id: number; title: string; variant: AlertVariant; description?: string };
type Notify = (title: string, variant: AlertVariant, description?: string) => void;

const NotifyContext = createContext<Notify>(() => {});

/**
 * Toast alerts of the Service accounts section. The console's own alert context lives inside the bundled
 * @keycloak/keycloak-admin-ui module and is not exported, so the section keeps its own.
 */
export const NotificationsProvider = ({ children }: PropsWithChildren) => {
  const [notices, setNotices] = useState<Notice[]>([]);
  const remove = (id: number) => setNotices((all) => all.filter((n) => n.id !== id));
  const notify = useCallback<Notify>((title, variant, description) => {
    const id = Date.now() + Math.random();
    setNotices((all) => [...all, { id, title, variant, description }]);
    setTimeout(() => remove(id), 8000);
  }, []);
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
