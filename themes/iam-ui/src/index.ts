// What a console shell needs from the Service accounts section.
export { IamApi } from "./api";
export { type Caller, IamConsoleProvider, type IamConsole, type RealmAuthority } from "./console";
export { NotificationsProvider } from "./components/Notifications";
export { iamPaths, iamRoutes } from "./routes";
