import type { ActivityEntry, ActivityType, FederatedCredential, Key } from "../api";

/** What the Activity tab shows of the entries loaded: one kind or all (""), one key or credential or all (""). */
export type ActivityFilter = { kind: ActivityType | ""; credential: string };
export const NO_FILTER: ActivityFilter = { kind: "", credential: "" };

/** The key or federated credential an entry was made with, as a filter value: `key:<id>`, `credential:<id>` or "". */
export const credentialOf = (entry: ActivityEntry) =>
  entry.keyId ? `key:${entry.keyId}` : entry.credentialId ? `credential:${entry.credentialId}` : "";

export const matches = (entry: ActivityEntry, filter: ActivityFilter) =>
  (!filter.kind || entry.type === filter.kind) && (!filter.credential || credentialOf(entry) === filter.credential);

/** A key id (a UUID) short enough for a table: its first eight characters tell the account's keys apart. */
export const shortId = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);

/** A key or federated credential an entry names, found among the account's own (or not: deleted since, or made up). */
export type UsedCredential =
  | { kind: "key"; id: string; key?: Key }
  | { kind: "credential"; id: string; credential?: FederatedCredential };

/** The filter value of a key or credential, as {@link credentialOf} gives it for an entry. */
export const valueOf = (used: UsedCredential) => `${used.kind}:${used.id}`;

export type AccountCredentials = { keys: Key[]; credentials: FederatedCredential[] };

export const usedCredential = (entry: ActivityEntry, known: AccountCredentials): UsedCredential | undefined => {
  if (entry.keyId) return { kind: "key", id: entry.keyId, key: known.keys.find((k) => k.id === entry.keyId) };
  if (entry.credentialId) {
    const credential = known.credentials.find((c) => c.id === entry.credentialId);
    return { kind: "credential", id: entry.credentialId, credential };
  }
  return undefined;
};

/** What the credential filter offers: the account's keys and credentials, then any others the entries name. */
export const credentialChoices = (known: AccountCredentials, entries: ActivityEntry[]): UsedCredential[] => {
  const choices: UsedCredential[] = [
    ...known.keys.map((key): UsedCredential => ({ kind: "key", id: key.id, key })),
    ...known.credentials.map((credential): UsedCredential => ({ kind: "credential", id: credential.id, credential })),
  ];
  const values = new Set(choices.map(valueOf));
  for (const entry of entries) {
    const used = usedCredential(entry, known);
    if (used && !values.has(valueOf(used))) {
      values.add(valueOf(used));
      choices.push(used);
    }
  }
  return choices;
};
