export type Organization = { id: string; name: string; description: string | null; createdAt: string };
export type Project = Organization & { organizationId: string };
/** A stage inside one project (SPEC §9): its members hold environment roles, which need no role in the project. */
export type Environment = Organization & {
  projectId: string;
  projectName: string;
  organizationId: string;
  organizationName: string;
};
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
  /** The latest use of any of its keys and federated credentials; null when never used. */
  lastUsedAt?: string | null;
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
  /** Why and when the key was disabled; null while it is enabled. */
  disabledReason: DisableReason | null;
  disabledAt: string | null;
};
/** Why a key is disabled: no longer needed, replaced by a new key, or exposed (SPEC §7). */
export type DisableReason = "user" | "rotated" | "exposed";
export const DISABLE_REASONS: DisableReason[] = ["user", "rotated", "exposed"];
/** A key is enabled as it is, and disabled with a reason. */
export type KeyChange = { enabled: true } | { enabled: false; disabledReason: DisableReason };
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
/**
 * One thing a service account did (SPEC §7): got a token (with the key or federated credential used), was refused
 * one (with the reason), or called an admin API with its token (operation and resource path).
 */
export type ActivityEntry = {
  time: string;
  type: ActivityType;
  keyId?: string | null;
  credentialId?: string | null;
  reason?: string | null;
  ipAddress?: string | null;
  operation?: string | null;
  resourcePath?: string | null;
};
export type ActivityType = "token" | "token_refused" | "api";
export const ACTIVITY_TYPES: ActivityType[] = ["token", "token_refused", "api"];
/** A page of activity; `eventsStored` false when the realm stores no events (the page is then empty). */
export type ActivityPage = { entries: ActivityEntry[]; eventsStored: boolean };
/** The account a key or federated credential of the unused report belongs to. */
export type AccountRef = { id: string; name: string };
/** A project's accounts, keys and federated credentials not used in the days asked for (never used: since made). */
export type UnusedReport = {
  serviceAccounts: ServiceAccount[];
  keys: { serviceAccount: AccountRef; key: Key }[];
  federatedCredentials: { serviceAccount: AccountRef; federatedCredential: FederatedCredential }[];
};
/** One place where an account is a member; `organizationId` for projects and environments, `projectId` for environments. */
export type Membership = { id: string; name: string; organizationId?: string; projectId?: string; role: string };
export type Memberships = { organizations: Membership[]; projects: Membership[]; environments: Membership[] };
export type Scope = "organizations" | "projects" | "environments";
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

  /** The answer of a 2xx; any other is thrown as an IamError. */
  private async send(method: string, path: string, body?: unknown): Promise<Response> {
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
    return response;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
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

  environments = (projectId: string, first?: number, max?: number, search?: string) =>
    this.call<Environment[]>("GET", `/projects/${projectId}/environments${IamApi.page(first, max, search)}`);
  /** The environments the caller holds a role in (for realm administrators and viewers: every one of the realm). */
  ownEnvironments = (first?: number, max?: number, search?: string) =>
    this.call<Environment[]>("GET", `/environments${IamApi.page(first, max, search)}`);
  environment = (id: string) => this.call<Environment>("GET", `/environments/${id}`);
  createEnvironment = (projectId: string, body: NameAndDescription) =>
    this.call<Environment>("POST", `/projects/${projectId}/environments`, body);
  updateEnvironment = (id: string, body: NameAndDescription) =>
    this.call<Environment>("PUT", `/environments/${id}`, body);
  deleteEnvironment = (id: string) => this.call<void>("DELETE", `/environments/${id}`);

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
  updateKey = (accountId: string, keyId: string, change: KeyChange) =>
    this.call<Key>("PUT", `/service-accounts/${accountId}/keys/${keyId}`, change);
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
  /** Newest first; the header X-Events-Stored says whether the realm stores the events this is read from. */
  activity = async (accountId: string, first: number, max: number): Promise<ActivityPage> => {
    const response = await this.send("GET", `/service-accounts/${accountId}/activity${IamApi.page(first, max)}`);
    return {
      entries: (await response.json()) as ActivityEntry[],
      eventsStored: response.headers.get("X-Events-Stored") !== "false",
    };
  };
  unused = (projectId: string, days: number) =>
    this.call<UnusedReport>("GET", `/projects/${projectId}/unused?days=${days}`);

  trustedIssuers = () => this.call<TrustedIssuer[]>("GET", "/trusted-issuers");
}
