import { Alert, FormGroup, FormSelect, FormSelectOption, ModalVariant, TextInput } from "@patternfly/react-core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FederatedCredential, FederatedCredentialChange, NewFederatedCredential, TrustedIssuer } from "../api";
import { FieldHelp } from "../components/FieldHelp";
import { FormModal } from "../components/FormModal";
import { describe } from "../components/useNotify";
import { expiryOf } from "../dates";
import { unitNameProblem } from "../validation";
import { ClaimPatternsField } from "./ClaimPatternsField";
import { ExpiryField, dayOf } from "../keys/ExpiryField";
import { issuerLabel } from "./issuers";
import { claimProblem, claimsOf, rowsOf, sameClaims, subjectProblem } from "./patterns";
import { PatternHelp } from "./PatternHelp";

export type CredentialBody = NewFederatedCredential | FederatedCredentialChange;

type Props = {
  /** The credential to edit; none to add one. */
  credential?: FederatedCredential;
  issuers: TrustedIssuer[];
  /** The audience the server gives a credential that names none. */
  realmIssuer: string;
  /** Adding: the new credential; editing: only what changed. */
  onSave: (body: CredentialBody) => Promise<void>;
  onClose: () => void;
};

/** Adds or edits a federated credential: which issuer's tokens, for which subject, audience and claims, until when. */
export const CredentialModal = ({ credential, issuers, realmIssuer, onSave, onClose }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState(credential?.name ?? "");
  const [issuer, setIssuer] = useState(credential?.issuer ?? (issuers.length === 1 ? issuers[0].issuer : ""));
  const [subject, setSubject] = useState(credential?.subject ?? "");
  const [audience, setAudience] = useState(credential?.audience ?? "");
  const [rows, setRows] = useState(() => rowsOf(credential?.claims ?? {}));
  const initialDay = dayOf(credential?.expiresAt ?? null);
  const [expires, setExpires] = useState(initialDay);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const touch = (field: string) => setTouched((was) => ({ ...was, [field]: true }));
  const [refusal, setRefusal] = useState<string>();
  const refusalShown = useRef<HTMLDivElement>(null);
  // The dialog is longer than the screen: the server's refusal, said at its top, is scrolled into view.
  useEffect(() => refusalShown.current?.scrollIntoView({ block: "nearest" }), [refusal]);

  // An expiry left as it was is not checked again: a credential that expired yesterday can still be renamed. An
  // emptied day takes the expiry away (the API's "expiresAt": null).
  const expiry = expires === initialDay ? {} : expiryOf(expires);
  const nameError = unitNameProblem(name);
  const subjectError = subjectProblem(subject);
  const isValid = !nameError && !!issuer && !subjectError && !expiry.problem && rows.every((row) => !claimProblem(row, rows));

  const value = {
    name,
    subject: subject.trim(),
    audience: audience.trim(),
    claims: claimsOf(rows),
    expiresAt: expiry.instant?.toISOString() ?? null,
  };

  const added = (): NewFederatedCredential => ({
    name: value.name,
    issuer,
    subject: value.subject,
    audience: value.audience || undefined,
    claims: value.claims,
    expiresAt: value.expiresAt ?? undefined,
  });

  const changed = (was: FederatedCredential): FederatedCredentialChange => ({
    ...(value.name !== was.name && { name: value.name }),
    ...(value.subject !== was.subject && { subject: value.subject }),
    ...(value.audience !== was.audience && { audience: value.audience || realmIssuer }),
    ...(!sameClaims(value.claims, was.claims ?? {}) && { claims: value.claims }),
    ...(expires !== initialDay && { expiresAt: value.expiresAt }),
  });

  return (
    <FormModal title={t(credential ? "iamEditFederatedCredential" : "iamAddFederatedCredential")}
      submitLabel={t(credential ? "iamSave" : "iamAdd")} variant={ModalVariant.medium} isValid={isValid}
      onClose={onClose} testId="iam-credential-dialog"
      onSubmit={async () => {
        setRefusal(undefined);
        await onSave(credential ? changed(credential) : added()).catch((error) => setRefusal(describe(error, t)));
      }}>
      {refusal && (
        <div ref={refusalShown}>
          <Alert variant="danger" isInline title={refusal} data-testid="iam-form-error" />
        </div>
      )}
      <FormGroup label={t("iamName")} fieldId="iam-credential-name" isRequired>
        <TextInput id="iam-credential-name" data-testid="iam-credential-name" value={name} autoFocus
          validated={touched.name && nameError ? "error" : "default"}
          onChange={(_e, v) => { setName(v); touch("name"); }} onBlur={() => touch("name")} />
        <FieldHelp testId="iam-credential-name-help" isError={touched.name && !!nameError}
          text={touched.name && nameError ? t(nameError) : t("iamCredentialNameHelp")} />
      </FormGroup>
      <FormGroup label={t("iamIssuer")} fieldId="iam-credential-issuer" isRequired>
        {credential ? (
          <TextInput id="iam-credential-issuer" data-testid="iam-credential-issuer" readOnlyVariant="default"
            value={issuerLabel(credential.issuer, issuers)} />
        ) : (
          <FormSelect id="iam-credential-issuer" data-testid="iam-credential-issuer" value={issuer}
            onChange={(_e, v) => setIssuer(v)}>
            {issuers.length !== 1 && <FormSelectOption value="" label={t("iamIssuerChoose")} isPlaceholder />}
            {issuers.map((i) => <FormSelectOption key={i.alias} value={i.issuer} label={issuerLabel(i.issuer, issuers)} />)}
          </FormSelect>
        )}
        <FieldHelp text={t(credential ? "iamIssuerFixed" : "iamIssuerHelp")} />
      </FormGroup>
      <FormGroup label={t("iamSubject")} fieldId="iam-credential-subject" isRequired>
        <TextInput id="iam-credential-subject" data-testid="iam-credential-subject" value={subject}
          className="pf-v5-u-font-family-monospace" placeholder="repo:acme/web:ref:refs/heads/main"
          validated={touched.subject && subjectError ? "error" : "default"}
          onChange={(_e, v) => { setSubject(v); touch("subject"); }} onBlur={() => touch("subject")} />
        <FieldHelp testId="iam-credential-subject-help" isError={touched.subject && !!subjectError}
          text={t(touched.subject && subjectError ? subjectError : "iamSubjectHelp")} />
        <PatternHelp />
      </FormGroup>
      <FormGroup label={t("iamAudience")} fieldId="iam-credential-audience">
        <TextInput id="iam-credential-audience" data-testid="iam-credential-audience" value={audience}
          placeholder={realmIssuer} onChange={(_e, v) => setAudience(v)} />
        <FieldHelp text={t("iamAudienceHelp", { issuer: realmIssuer })} />
      </FormGroup>
      <ClaimPatternsField rows={rows} onChange={setRows} />
      <ExpiryField value={expires} expiry={expiry} onChange={setExpires} id="iam-credential-expires"
        neverKey="iamCredentialExpiresNever" />
    </FormModal>
  );
};
