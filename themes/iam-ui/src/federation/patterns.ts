import type { ClaimPatterns } from "../api";

/**
 * The rules of a federated credential's fields, checked while typing; each answers the message key of the problem,
 * or undefined. The API checks them again and stays the authority (it alone knows which issuers are trusted).
 */

/** A subject of only `*` would trust every workload of the issuer. */
export const subjectProblem = (subject: string) => (/[^*\s]/.test(subject) ? undefined : "iamSubjectRule");

/** Claims checked by fields of their own (issuer, subject, audience) or by the token's times: no pattern for them. */
export const RESERVED_CLAIMS = ["iss", "sub", "aud", "exp", "nbf", "iat"];
export const MAX_CLAIMS = 10;

/** One row of the claim patterns as typed: a claim name and its pattern. */
export type ClaimRow = { key: number; name: string; pattern: string };

/** A row nobody typed into: left out of what is sent, never an error. */
export const isBlank = (row: ClaimRow) => !row.name.trim() && !row.pattern.trim();

/** What is wrong with one row, given all of them (a claim named twice could only keep one pattern). */
export const claimProblem = (row: ClaimRow, rows: ClaimRow[]) => {
  if (isBlank(row)) return undefined;
  const name = row.name.trim();
  if (!name) return "iamClaimNameRule";
  if (RESERVED_CLAIMS.includes(name)) return "iamClaimReserved";
  if (!row.pattern.trim()) return "iamClaimPatternRule";
  return rows.filter((other) => other.name.trim() === name).length > 1 ? "iamClaimNameTwice" : undefined;
};

let nextKey = 0;
export const claimRow = (name = "", pattern = ""): ClaimRow => ({ key: nextKey++, name, pattern });

export const rowsOf = (claims: ClaimPatterns) => Object.entries(claims).map(([name, pattern]) => claimRow(name, pattern));

/** The rows as the API takes them, blank rows left out and spaces around trimmed. */
export const claimsOf = (rows: ClaimRow[]): ClaimPatterns =>
  Object.fromEntries(rows.filter((row) => !isBlank(row)).map((row) => [row.name.trim(), row.pattern.trim()]));

export const sameClaims = (a: ClaimPatterns, b: ClaimPatterns) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, pattern]) => b[name] === pattern);
