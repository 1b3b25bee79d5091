import { Button, Switch, Text, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FederatedCredential, FederatedCredentialChange, NewFederatedCredential } from "../api";
import { ConfirmModal } from "../components/ConfirmModal";
import { IamTable } from "../components/IamTable";
import { describe, useNotify } from "../components/useNotify";
import { useIam } from "../console";
import { When } from "../components/When";
import { ClaimsSummary, IssuerAndSubject } from "./CredentialCells";
import { CredentialModal } from "./CredentialModal";
import { useTrustedIssuers } from "./issuers";

type Props = { accountId: string; mayManage: boolean };

/**
 * A service account's federated credentials (at most twenty): tokens of which issuer, for which subject, get the
 * account's tokens with no key to store. Developers add, edit, disable and delete them; the others read.
 */
export const FederatedCredentialsTab = ({ accountId, mayManage }: Props) => {
  const { t } = useTranslation();
  const iam = useIam();
  const notify = useNotify();
  const { issuers, failure } = useTrustedIssuers();
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<FederatedCredential | "new">();
  const [deleting, setDeleting] = useState<FederatedCredential>();
  const reload = () => setRefresh((n) => n + 1);

  const save = async (body: NewFederatedCredential | FederatedCredentialChange) => {
    if (editing === "new") {
      await iam.createFederatedCredential(accountId, body as NewFederatedCredential);
      notify.success("iamFederatedCredentialAdded");
    } else if (editing) {
      await iam.updateFederatedCredential(accountId, editing.id, body);
      notify.success("iamFederatedCredentialSaved");
    }
    setEditing(undefined);
    reload();
  };

  const setEnabled = async (credential: FederatedCredential, enabled: boolean) => {
    const done = () => iam.updateFederatedCredential(accountId, credential.id, { enabled });
    const successKey = enabled ? "iamFederatedCredentialEnabled" : "iamFederatedCredentialDisabled";
    if (await notify.attempt(done, successKey, "iamFederatedCredentialUpdateFailed")) reload();
  };

  const remove = async (credential: FederatedCredential) => {
    setDeleting(undefined);
    const done = () => iam.deleteFederatedCredential(accountId, credential.id);
    if (await notify.attempt(done, "iamFederatedCredentialDeleted", "iamFederatedCredentialDeleteFailed")) reload();
  };

  // Developers add credentials once a realm administrator has given the realm an issuer to trust; until then the
  // tab says what has to happen first, where the button would be.
  const mayAdd = mayManage && issuers !== undefined && issuers.length > 0;
  const add = (
    <Button data-testid="iam-add-federated-credential" onClick={() => setEditing("new")}>
      {t("iamAddFederatedCredential")}
    </Button>
  );
  const noIssuer = mayManage && issuers?.length === 0 && (
    <Text component="p" data-testid="iam-no-trusted-issuers">
      {failure ? t("iamTrustedIssuersFailed", { reason: describe(failure, t) }) : t("iamNoTrustedIssuers")}
    </Text>
  );
  const offer = mayAdd ? add : noIssuer || undefined;

  return (
    <>
      {deleting && (
        <ConfirmModal title={t("iamDeleteFederatedCredential")} continueLabel={t("iamDelete")} isDanger
          message={t("iamDeleteFederatedCredentialConfirm", { name: deleting.name })}
          onCancel={() => setDeleting(undefined)} onConfirm={() => void remove(deleting)} />
      )}
      {editing && issuers && (
        <CredentialModal credential={editing === "new" ? undefined : editing} issuers={issuers}
          realmIssuer={iam.realmIssuer} onSave={save} onClose={() => setEditing(undefined)} />
      )}
      <IamTable<FederatedCredential>
        key={refresh}
        ariaLabelKey="iamFederatedCredentials"
        load={() => iam.federatedCredentials(accountId)}
        rowKey={(c) => c.id}
        toolbar={offer && <ToolbarItem>{offer}</ToolbarItem>}
        actions={(c) => (mayManage
          ? [
              { title: t("iamEdit"), onClick: () => setEditing(c) },
              { title: t("iamDelete"), onClick: () => setDeleting(c) },
            ]
          : [])}
        columns={[
          { titleKey: "iamName", modifier: "nowrap", render: (c) => <span data-testid="iam-credential-name-cell">{c.name}</span> },
          { titleKey: "iamIssuerAndSubject", modifier: "wrap", render: (c) => <IssuerAndSubject credential={c} issuers={issuers} /> },
          { titleKey: "iamClaims", modifier: "wrap", render: (c) => <ClaimsSummary claims={c.claims} /> },
          { titleKey: "iamCreatedAt", modifier: "nowrap", render: (c) => <When instant={c.createdAt} never="" dayOnly /> },
          { titleKey: "iamExpires", modifier: "nowrap", render: (c) => <When instant={c.expiresAt} never={t("iamNever")} dayOnly /> },
          { titleKey: "iamLastUsed", modifier: "nowrap", render: (c) => <When instant={c.lastUsedAt} never={t("iamNever")} /> },
          {
            titleKey: "iamEnabled",
            modifier: "fitContent",
            render: (c) => (
              <Switch aria-label={t("iamEnabled")} data-testid="iam-credential-enabled" isChecked={c.enabled}
                isDisabled={!mayManage} onChange={(_e, value) => void setEnabled(c, value)} />
            ),
          },
        ]}
        empty={{
          titleKey: "iamNoFederatedCredentials",
          bodyKey: mayManage ? "iamNoFederatedCredentialsInstructions" : "iamNoFederatedCredentialsReadOnly",
          action: offer,
        }}
      />
    </>
  );
};
