// What a console shell needs from the Service accounts section.
export { IamConsoleProvider, type RealmAuthority } from "./console";
export { NotificationsProvider } from "./components/Notifications";
export { iamPaths, iamRoutes } from "./routes";
export { apiOf, callerOf } from "./signedIn";
