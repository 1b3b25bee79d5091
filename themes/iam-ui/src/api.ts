export type Organization = { id: string; name: string; description: string | null; createdAt: string };
export type Project = Organization & { organizationId: string };
/** Who controls a service account that is a member: its owning project and organization. */
export type AccountOwner = {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  organizationId: string;
  organizationName: string;
};
export type Member = {
  id: string;
  type: "user" | "serviceAccount";
  username: string;
  email: string | null;
  role: string;
  /** Null for a user. */
  serviceAccount?: AccountOwner | null;
};
export type ServiceAccount = {
  id: string;
  clientId: string;
  name: string;
  description: string | null;
  email: string;
  projectId: string;
  enabled: boolean;
  createdAt: string;
  /** Seconds, 1–600: the longest lifetime of the account's client assertions. */
  assertionLifetime?: number;
};
export type ServiceAccountChange = Partial<
  Pick<ServiceAccount, "name" | "description" | "enabled" | "assertionLifetime" | "projectId">
>;
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
/** Claim name → pattern, where `*` matches any run of characters and the pattern matches the whole value. */
export type ClaimPatterns = Record<string, string>;
/** Trust in tokens another issuer gives a workload (SPEC §6): the account's tokens with no key to store. */
export type FederatedCredential = {
  id: string;
  name: string;
  issuer: string;
  subject: string;
  audience: string;
  claims: ClaimPatterns;
  enabled: boolean;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};
export type NewFederatedCredential = {
  name: string;
  issuer: string;
  subject: string;
  audience?: string;
  claims?: ClaimPatterns;
  expiresAt?: string;
};
/** The issuer never changes; `expiresAt: null` takes an expiry away. */
export type FederatedCredentialChange = Partial<
  Pick<FederatedCredential, "name" | "subject" | "audience" | "claims" | "enabled" | "expiresAt">
>;
/** An enabled OpenID Connect (or Kubernetes) identity provider of the realm, whose tokens a credential may trust. */
export type TrustedIssuer = { alias: string; displayName: string | null; issuer: string; providerId: string };
export type Membership = { id: string; name: string; organizationId?: string; role: string };
export type Memberships = { organizations: Membership[]; projects: Membership[] };
export type Scope = "organizations" | "projects";
export type NameAndDescription = { name: string; description?: string };

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

/** The extension's REST API of one realm (`base` ends in `/iam`), called with the signed-in person's token. */
export class IamApi {
  constructor(
    private readonly token: () => Promise<string | undefined>,
    private readonly base: string,
  ) {}

  /** The realm's own issuer URL (`{server}/realms/{realm}`): the audience a credential gets unless told otherwise. */
  get realmIssuer() {
    return this.base.replace(/\/admin\/realms\/([^/]+)\/iam$/, "/realms/$1");
  }

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
  createOrganization = (body: NameAndDescription) => this.call<Organization>("POST", "/organizations", body);
  updateOrganization = (id: string, body: NameAndDescription) =>
    this.call<Organization>("PUT", `/organizations/${id}`, body);

  projects = (organizationId: string, first?: number, max?: number, search?: string) =>
    this.call<Project[]>("GET", `/organizations/${organizationId}/projects${IamApi.page(first, max, search)}`);
  project = (id: string) => this.call<Project>("GET", `/projects/${id}`);
  createProject = (organizationId: string, body: NameAndDescription) =>
    this.call<Project>("POST", `/organizations/${organizationId}/projects`, body);
  updateProject = (id: string, body: NameAndDescription) => this.call<Project>("PUT", `/projects/${id}`, body);
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
  createServiceAccount = (projectId: string, body: NameAndDescription) =>
    this.call<ServiceAccount>("POST", `/projects/${projectId}/service-accounts`, body);
  updateServiceAccount = (id: string, body: ServiceAccountChange) =>
    this.call<ServiceAccount>("PUT", `/service-accounts/${id}`, body);
  deleteServiceAccount = (id: string) => this.call<void>("DELETE", `/service-accounts/${id}`);
  memberships = (id: string) => this.call<Memberships>("GET", `/service-accounts/${id}/memberships`);

  keys = (accountId: string) => this.call<Key[]>("GET", `/service-accounts/${accountId}/keys`);
  generateKey = (accountId: string, body: { algorithm: string; expiresAt?: string }) =>
    this.call<GeneratedKey>("POST", `/service-accounts/${accountId}/keys`, body);
  uploadKey = (accountId: string, body: { publicKey?: string; jwk?: unknown; algorithm?: string; expiresAt?: string }) =>
    this.call<Key>("POST", `/service-accounts/${accountId}/keys`, body);
  setKeyEnabled = (accountId: string, keyId: string, enabled: boolean) =>
    this.call<Key>("PUT", `/service-accounts/${accountId}/keys/${keyId}`, { enabled });
  deleteKey = (accountId: string, keyId: string) =>
    this.call<void>("DELETE", `/service-accounts/${accountId}/keys/${keyId}`);

  federatedCredentials = (accountId: string) =>
    this.call<FederatedCredential[]>("GET", `/service-accounts/${accountId}/federated-credentials`);
  createFederatedCredential = (accountId: string, body: NewFederatedCredential) =>
    this.call<FederatedCredential>("POST", `/service-accounts/${accountId}/federated-credentials`, body);
  updateFederatedCredential = (accountId: string, credentialId: string, body: FederatedCredentialChange) =>
    this.call<FederatedCredential>("PUT", `/service-accounts/${accountId}/federated-credentials/${credentialId}`, body);
  deleteFederatedCredential = (accountId: string, credentialId: string) =>
    this.call<void>("DELETE", `/service-accounts/${accountId}/federated-credentials/${credentialId}`);
  trustedIssuers = () => this.call<TrustedIssuer[]>("GET", "/trusted-issuers");
}
