import { createContext, type PropsWithChildren, useContext } from "react";
import type { IamApi } from "./api";

/** Where the section's pages are in the hosting console's router. */
export type IamPaths = {
  organizations: string;
  organization: (id: string) => string;
  project: (id: string) => string;
  environment: (id: string) => string;
  account: (id: string) => string;
};

/** What the signed-in person may do in the whole realm, by Keycloak's roles (not by membership). */
export type RealmAuthority = "realm-admin" | "realm-viewer" | "member";

/** The signed-in person, when they are a user of the realm shown (so they may be a member there). */
export type Caller = { userId: string; username: string };

/**
 * What differs between the admin console and the account console, given by each console's shell; every page and
 * component of the Service accounts section takes it from here and is written once. Headers, dialogs and alerts are
 * the section's own in both consoles: each console package bundles its own PatternFly, whose menus and contexts do
 * not reach components rendered from outside that bundle.
 */
export type IamConsole = {
  kind: "admin" | "account";
  /** The extension's REST API of the realm shown, called with the signed-in person's token. */
  api: IamApi;
  paths: IamPaths;
  authority: RealmAuthority;
  caller?: Caller;
};

const IamConsoleContext = createContext<IamConsole | undefined>(undefined);

export const IamConsoleProvider = ({ value, children }: PropsWithChildren<{ value: IamConsole }>) => (
  <IamConsoleContext.Provider value={value}>{children}</IamConsoleContext.Provider>
);

export const useIamConsole = () => {
  const console = useContext(IamConsoleContext);
  if (!console) throw new Error("The Service accounts section needs an IamConsoleProvider");
  return console;
};

export const useIam = () => useIamConsole().api;
