import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import type { IamPaths } from "./console";

const OrganizationsPage = lazy(() => import("./organizations/OrganizationsPage"));
const OrganizationPage = lazy(() => import("./organizations/OrganizationPage"));
const ProjectPage = lazy(() => import("./projects/ProjectPage"));
const EnvironmentPage = lazy(() => import("./environments/EnvironmentPage"));
const ServiceAccountPage = lazy(() => import("./accounts/ServiceAccountPage"));

/**
 * The section's pages under `base` (a route pattern of the hosting console). `handle` is whatever that console's
 * router wants to know about a route (the admin console: who may open it).
 */
export const iamRoutes = (base: string, handle?: unknown): RouteObject[] => [
  { path: base, element: <OrganizationsPage />, handle },
  { path: `${base}/organizations/:id`, element: <OrganizationPage />, handle },
  { path: `${base}/projects/:id`, element: <ProjectPage />, handle },
  { path: `${base}/environments/:id`, element: <EnvironmentPage />, handle },
  { path: `${base}/accounts/:id`, element: <ServiceAccountPage />, handle },
];

/** Links to those pages, `prefix` being where `base` is for the realm shown. */
export const iamPaths = (prefix: string): IamPaths => ({
  organizations: prefix,
  organization: (id) => `${prefix}/organizations/${id}`,
  project: (id) => `${prefix}/projects/${id}`,
  environment: (id) => `${prefix}/environments/${id}`,
  account: (id) => `${prefix}/accounts/${id}`,
});
