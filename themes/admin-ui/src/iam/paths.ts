/** Where the Service accounts section's pages live under a realm of the console. */
export const iamPaths = {
  organizations: (realm: string) => `/${encodeURIComponent(realm)}/service-accounts`,
  organization: (realm: string, id: string) => `/${encodeURIComponent(realm)}/service-accounts/organizations/${id}`,
  project: (realm: string, id: string) => `/${encodeURIComponent(realm)}/service-accounts/projects/${id}`,
  account: (realm: string, id: string) => `/${encodeURIComponent(realm)}/service-accounts/accounts/${id}`,
};
