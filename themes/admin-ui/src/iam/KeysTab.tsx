import { useConfirmDialog } from "@keycloak/keycloak-admin-ui";
import { Button, Label, Switch, ToolbarItem, Tooltip } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GenerateKeyModal } from "./GenerateKeyModal";
import { KeyFileModal } from "./KeyFileModal";
import { UploadKeyModal } from "./UploadKeyModal";
import { type Key, type KeyFile, useIam } from "./api";
import { IamTable } from "./IamTable";
import { useNotify } from "./useNotify";

const when = (instant: string | null, never: string) => (instant ? new Date(instant).toLocaleString() : never);

/** A service account's keys (at most ten): generate with a one-time key file, upload, disable, delete, last use. */
export const KeysTab = ({ accountId }: { accountId: string }) => {
  const { t } = useTranslation();
  const iam = useIam();
  const notify = useNotify();
  const [refresh, setRefresh] = useState(0);
  const [generating, setGenerating] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [keyFile, setKeyFile] = useState<KeyFile>();
  const [deleting, setDeleting] = useState<Key>();
  const reload = () => setRefresh((n) => n + 1);

  const [confirmDelete, DeleteDialog] = useConfirmDialog({
    titleKey: "iamDeleteKey",
    messageKey: "iamDeleteKeyConfirm",
    continueButtonLabel: "delete",
    onConfirm: async () => {
      try {
        await iam.deleteKey(accountId, deleting!.id);
        notify.success("iamKeyDeleted");
        reload();
      } catch (error) {
        notify.failure("iamKeyDeleteFailed", error);
      }
    },
  });

  const setEnabled = async (key: Key, enabled: boolean) => {
    try {
      await iam.setKeyEnabled(accountId, key.id, enabled);
      notify.success(enabled ? "iamKeyEnabled" : "iamKeyDisabled");
      reload();
    } catch (error) {
      notify.failure("iamKeyUpdateFailed", error);
    }
  };

  const generate = (
    <Button data-testid="iam-generate-key" onClick={() => setGenerating(true)}>
      {t("iamGenerateKey")}
    </Button>
  );
  const upload = (
    <Button variant="secondary" data-testid="iam-upload-key" onClick={() => setUploading(true)}>
      {t("iamUploadKey")}
    </Button>
  );

  return (
    <>
      <DeleteDialog />
      {generating && (
        <GenerateKeyModal
          onClose={() => setGenerating(false)}
          onGenerate={async (value) => {
            try {
              const generated = await iam.generateKey(accountId, value);
              setGenerating(false);
              setKeyFile(generated.keyFile);
              reload();
            } catch (error) {
              notify.failure("iamKeyGenerateFailed", error);
            }
          }}
        />
      )}
      {uploading && (
        <UploadKeyModal
          onClose={() => setUploading(false)}
          onUpload={async (value) => {
            try {
              await iam.uploadKey(accountId, value);
              notify.success("iamKeyUploaded");
              setUploading(false);
              reload();
            } catch (error) {
              notify.failure("iamKeyUploadFailed", error);
            }
          }}
        />
      )}
      {keyFile && <KeyFileModal keyFile={keyFile} onClose={() => setKeyFile(undefined)} />}
      <IamTable<Key>
        key={refresh}
        ariaLabelKey="iamKeys"
        load={() => iam.keys(accountId)}
        rowKey={(k) => k.id}
        toolbar={
          <>
            <ToolbarItem>{generate}</ToolbarItem>
            <ToolbarItem>{upload}</ToolbarItem>
          </>
        }
        actions={(k) => [{ title: t("delete"), onClick: () => { setDeleting(k); confirmDelete(); } }]}
        columns={[
          {
            titleKey: "iamKeyId",
            render: (k) => (
              <Tooltip content={`SHA-256 ${k.fingerprint}`}>
                <code data-testid="iam-key-id">{k.id}</code>
              </Tooltip>
            ),
          },
          { titleKey: "algorithm", render: (k) => k.algorithm },
          { titleKey: "iamOrigin", render: (k) => <Label>{t(`iamOrigin_${k.origin}`)}</Label> },
          { titleKey: "iamCreatedAt", render: (k) => when(k.createdAt, "") },
          { titleKey: "iamExpires", render: (k) => when(k.expiresAt, t("iamNever")) },
          { titleKey: "iamLastUsed", render: (k) => when(k.lastUsedAt, t("iamNever")) },
          {
            titleKey: "enabled",
            render: (k) => (
              <Switch aria-label={t("enabled")} isChecked={k.enabled} onChange={(_e, value) => void setEnabled(k, value)} />
            ),
          },
        ]}
        empty={{ titleKey: "iamNoKeys", bodyKey: "iamNoKeysInstructions", action: <>{generate} {upload}</> }}
      />
    </>
  );
};
