import { lazy } from "react";
import type { RouteObject } from "react-router-dom";

const OrganizationsSection = lazy(() => import("./OrganizationsSection"));
const OrganizationDetails = lazy(() => import("./OrganizationDetails"));
const ProjectDetails = lazy(() => import("./ProjectDetails"));
const ServiceAccountDetails = lazy(() => import("./ServiceAccountDetails"));

// Access is decided by the extension's API for every call (404 for what the caller may not see), so the console
// lets anyone signed in reach these pages.
const anyone = { access: "anyone" };

export const serviceAccountRoutes: RouteObject[] = [
  { path: "/:realm/service-accounts", element: <OrganizationsSection />, handle: anyone },
  { path: "/:realm/service-accounts/organizations/:id", element: <OrganizationDetails />, handle: anyone },
  { path: "/:realm/service-accounts/projects/:id", element: <ProjectDetails />, handle: anyone },
  { path: "/:realm/service-accounts/accounts/:id", element: <ServiceAccountDetails />, handle: anyone },
];
