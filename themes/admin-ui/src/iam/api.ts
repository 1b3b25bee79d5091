import { useEnvironment, useRealm, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";

export type Organization = { id: string; name: string; description: string | null; createdAt: string };
export type Project = Organization & { organizationId: string };
export type Member = { id: string; type: "user" | "serviceAccount"; username: string; email: string | null; role: string };
export type ServiceAccount = {
  id: string;
  clientId: string;
  name: string;
  description: string | null;
  email: string;
  projectId: string;
  enabled: boolean;
  createdAt: string;
};
export type Key = {
  id: string;
  algorithm: string;
  fingerprint: string;
  enabled: boolean;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  origin: "generated" | "uploaded";
  createdBy: string | null;
};
export type KeyFile = {
  type: string;
  realm: string;
  clientId: string;
  keyId: string;
  algorithm: string;
  privateKey: string;
  tokenUri: string;
};
export type GeneratedKey = Key & { keyFile: KeyFile };
export type Membership = { id: string; name: string; organizationId?: string; role: string };
export type Memberships = { organizations: Membership[]; projects: Membership[] };
export type Scope = "organizations" | "projects";

export const PROJECT_ROLES = ["project.user", "project.developer", "project.admin"];
export const ORGANIZATION_ROLES = ["organization.admin"];
export const ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA"];

/** An answer of the extension's API other than 2xx, with its {error, error_description}. */
export class IamError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(description || code || `HTTP ${status}`);
  }
}

/** The extension's REST API for the realm shown in the console, called with the signed-in administrator's token. */
export class IamApi {
  constructor(
    private readonly token: () => Promise<string | undefined>,
    private readonly base: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.base + path, {
      method,
      headers: {
        Authorization: `Bearer ${await this.token()}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const error = await response.json().catch(() => ({}));
      throw new IamError(response.status, error.error ?? "", error.error_description ?? "");
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  private static page(first?: number, max?: number, search?: string) {
    const query = new URLSearchParams();
    if (first !== undefined) query.set("first", String(first));
    if (max !== undefined) query.set("max", String(max));
    if (search) query.set("search", search);
    return `?${query}`;
  }

  organizations = (first?: number, max?: number, search?: string) =>
    this.call<Organization[]>("GET", `/organizations${IamApi.page(first, max, search)}`);
  organization = (id: string) => this.call<Organization>("GET", `/organizations/${id}`);
  createOrganization = (body: { name: string; description?: string }) =>
    this.call<Organization>("POST", "/organizations", body);
  deleteOrganization = (id: string) => this.call<void>("DELETE", `/organizations/${id}`);

  projects = (organizationId: string, first?: number, max?: number, search?: string) =>
    this.call<Project[]>("GET", `/organizations/${organizationId}/projects${IamApi.page(first, max, search)}`);
  project = (id: string) => this.call<Project>("GET", `/projects/${id}`);
  createProject = (organizationId: string, body: { name: string; description?: string }) =>
    this.call<Project>("POST", `/organizations/${organizationId}/projects`, body);
  deleteProject = (id: string) => this.call<void>("DELETE", `/projects/${id}`);

  members = (scope: Scope, id: string, first?: number, max?: number, search?: string) =>
    this.call<Member[]>("GET", `/${scope}/${id}/members${IamApi.page(first, max, search)}`);
  addMember = (scope: Scope, id: string, body: { email: string; role: string }) =>
    this.call<Member>("POST", `/${scope}/${id}/members`, body);
  changeRole = (scope: Scope, id: string, memberId: string, role: string) =>
    this.call<Member>("PUT", `/${scope}/${id}/members/${memberId}`, { role });
  removeMember = (scope: Scope, id: string, memberId: string) =>
    this.call<void>("DELETE", `/${scope}/${id}/members/${memberId}`);

  serviceAccounts = (projectId: string, first?: number, max?: number, search?: string) =>
    this.call<ServiceAccount[]>("GET", `/projects/${projectId}/service-accounts${IamApi.page(first, max, search)}`);
  serviceAccount = (id: string) => this.call<ServiceAccount>("GET", `/service-accounts/${id}`);
  createServiceAccount = (projectId: string, body: { name: string; description?: string }) =>
    this.call<ServiceAccount>("POST", `/projects/${projectId}/service-accounts`, body);
  updateServiceAccount = (id: string, body: { enabled?: boolean; name?: string; description?: string }) =>
    this.call<ServiceAccount>("PUT", `/service-accounts/${id}`, body);
  deleteServiceAccount = (id: string) => this.call<void>("DELETE", `/service-accounts/${id}`);
  memberships = (id: string) => this.call<Memberships>("GET", `/service-accounts/${id}/memberships`);

  keys = (accountId: string) => this.call<Key[]>("GET", `/service-accounts/${accountId}/keys`);
  generateKey = (accountId: string, body: { algorithm: string; expiresAt?: string }) =>
    this.call<GeneratedKey>("POST", `/service-accounts/${accountId}/keys`, body);
  uploadKey = (accountId: string, body: { publicKey?: string; jwk?: unknown; algorithm?: string }) =>
    this.call<Key>("POST", `/service-accounts/${accountId}/keys`, body);
  setKeyEnabled = (accountId: string, keyId: string, enabled: boolean) =>
    this.call<Key>("PUT", `/service-accounts/${accountId}/keys/${keyId}`, { enabled });
  deleteKey = (accountId: string, keyId: string) =>
    this.call<void>("DELETE", `/service-accounts/${accountId}/keys/${keyId}`);
}

/** The API of the realm the console shows (not the realm the administrator signed in to). */
export const useIam = () => {
  const { keycloak, environment } = useEnvironment<AdminEnvironment>();
  const { realm } = useRealm();
  return useMemo(
    () =>
      new IamApi(
        async () => {
          await keycloak.updateToken(5).catch(() => keycloak.login());
          return keycloak.token;
        },
        `${environment.adminBaseUrl}/admin/realms/${encodeURIComponent(realm)}/iam`,
      ),
    [keycloak, environment, realm],
  );
};
