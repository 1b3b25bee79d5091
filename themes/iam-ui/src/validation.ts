/**
 * The API's input rules, checked while typing so a form says what is wrong before it is sent. Each answers the
 * message key of the problem, or undefined. The API checks the same rules again and stays the authority.
 */

/** 3–30 lower-case letters, digits and dashes, starting with a letter and not ending with a dash. */
export const ACCOUNT_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

export const accountNameProblem = (name: string) => (ACCOUNT_NAME.test(name) ? undefined : "iamServiceAccountNameRule");

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Organizations and projects: 1–100 characters, no control characters, no spaces around. */
export const unitNameProblem = (name: string) =>
  name.length < 1 || name.length > 100 || CONTROL.test(name) || name.trim() !== name ? "iamUnitNameRule" : undefined;

export const descriptionProblem = (description: string) =>
  description.length > 500 ? "iamDescriptionRule" : undefined;

export const LIFETIME = { min: 1, max: 600 };

/** A whole number of seconds from 1 to 600, as typed. */
export const lifetimeProblem = (text: string) => {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= LIFETIME.min && value <= LIFETIME.max ? undefined : "iamLifetimeRule";
};

/** Something shaped like an email (the server says whether anyone has it). */
export const emailProblem = (email: string) => (/^[^\s@]+@[^\s@]+$/.test(email) ? undefined : "iamEmailRule");
