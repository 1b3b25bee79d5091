import { Button, Label, Switch, ToolbarItem, Tooltip } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DisableReason, Key, KeyFile } from "../api";
import { useIam } from "../console";
import { ConfirmModal } from "../components/ConfirmModal";
import { IamTable } from "../components/IamTable";
import { useNotify } from "../components/useNotify";
import { When } from "../components/When";
import { DisabledReason } from "./DisabledReason";
import { DisableKeyModal } from "./DisableKeyModal";
import { GenerateKeyModal } from "./GenerateKeyModal";
import { KeyFileModal } from "./KeyFileModal";
import { UploadKeyModal } from "./UploadKeyModal";

type Props = { accountId: string; mayManage: boolean };

/**
 * A service account's keys (at most ten): generate with a one-time key file, upload, disable (saying why), delete,
 * last use.
 */
export const KeysTab = ({ accountId, mayManage }: Props) => {
  const { t } = useTranslation();
  const iam = useIam();
  const notify = useNotify();
  const [refresh, setRefresh] = useState(0);
  const [generating, setGenerating] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [keyFile, setKeyFile] = useState<KeyFile>();
  const [deleting, setDeleting] = useState<Key>();
  const [disabling, setDisabling] = useState<Key>();
  const reload = () => setRefresh((n) => n + 1);

  const remove = async (key: Key) => {
    setDeleting(undefined);
    if (await notify.attempt(() => iam.deleteKey(accountId, key.id), "iamKeyDeleted", "iamKeyDeleteFailed")) reload();
  };

  const enable = async (key: Key) => {
    if (await notify.attempt(() => iam.updateKey(accountId, key.id, { enabled: true }), "iamKeyEnabled", "iamKeyUpdateFailed")) {
      reload();
    }
  };

  const disable = async (key: Key, disabledReason: DisableReason) => {
    await iam.updateKey(accountId, key.id, { enabled: false, disabledReason });
    notify.success("iamKeyDisabled");
    setDisabling(undefined);
    reload();
  };

  const generate = (
    <Button data-testid="iam-generate-key" onClick={() => setGenerating(true)}>{t("iamGenerateKey")}</Button>
  );
  const upload = (
    <Button variant="secondary" data-testid="iam-upload-key" onClick={() => setUploading(true)}>
      {t("iamUploadKey")}
    </Button>
  );

  return (
    <>
      {deleting && (
        <ConfirmModal title={t("iamDeleteKey")} message={t("iamDeleteKeyConfirm")} continueLabel={t("iamDelete")}
          isDanger onCancel={() => setDeleting(undefined)} onConfirm={() => void remove(deleting)} />
      )}
      {disabling && (
        <DisableKeyModal onClose={() => setDisabling(undefined)} onDisable={(reason) => disable(disabling, reason)} />
      )}
      {generating && (
        <GenerateKeyModal onClose={() => setGenerating(false)}
          onGenerate={async (value) => {
            const generated = await iam.generateKey(accountId, value);
            setGenerating(false);
            setKeyFile(generated.keyFile);
            reload();
          }} />
      )}
      {uploading && (
        <UploadKeyModal onClose={() => setUploading(false)}
          onUpload={async (value) => {
            await iam.uploadKey(accountId, value);
            notify.success("iamKeyUploaded");
            setUploading(false);
            reload();
          }} />
      )}
      {keyFile && <KeyFileModal keyFile={keyFile} onClose={() => setKeyFile(undefined)} />}
      <IamTable<Key>
        key={refresh}
        ariaLabelKey="iamKeys"
        load={() => iam.keys(accountId)}
        rowKey={(k) => k.id}
        toolbar={mayManage && <><ToolbarItem>{generate}</ToolbarItem><ToolbarItem>{upload}</ToolbarItem></>}
        actions={(k) => (mayManage ? [{ title: t("iamDelete"), onClick: () => setDeleting(k) }] : [])}
        columns={[
          // The whole key id, as the key file and the assertions' kid carry it, and below it why a disabled key is
          // (where the long id leaves room); the fingerprint's first 16 hex digits tell keys apart, the whole of it
          // is on hover.
          {
            titleKey: "iamKeyId",
            modifier: "nowrap",
            render: (k) => (
              <>
                <code data-testid="iam-key-id">{k.id}</code>
                {!k.enabled && <div><DisabledReason reason={k.disabledReason} at={k.disabledAt} /></div>}
              </>
            ),
          },
          {
            titleKey: "iamFingerprint",
            modifier: "nowrap",
            render: (k) => (
              <Tooltip content={<code className="iam-fingerprint">{k.fingerprint}</code>}>
                <code data-testid="iam-key-fingerprint">{k.fingerprint.slice(0, 16)}…</code>
              </Tooltip>
            ),
          },
          { titleKey: "iamAlgorithm", modifier: "fitContent", render: (k) => k.algorithm },
          { titleKey: "iamOrigin", modifier: "fitContent", render: (k) => <Label isCompact>{t(`iamOrigin_${k.origin}`)}</Label> },
          { titleKey: "iamCreatedAt", modifier: "nowrap", render: (k) => <When instant={k.createdAt} never="" dayOnly /> },
          { titleKey: "iamExpires", modifier: "nowrap", render: (k) => <When instant={k.expiresAt} never={t("iamNever")} dayOnly /> },
          { titleKey: "iamLastUsed", modifier: "nowrap", render: (k) => <When instant={k.lastUsedAt} never={t("iamNever")} /> },
          {
            titleKey: "iamEnabled",
            modifier: "fitContent",
            render: (k) => (
              <Switch aria-label={t("iamEnabled")} data-testid="iam-key-enabled" isChecked={k.enabled}
                isDisabled={!mayManage} onChange={(_e, value) => (value ? void enable(k) : setDisabling(k))} />
            ),
          },
        ]}
        empty={{
          titleKey: "iamNoKeys",
          bodyKey: mayManage ? "iamNoKeysInstructions" : "iamNoKeysReadOnly",
          action: mayManage ? <>{generate} {upload}</> : undefined,
        }}
      />
    </>
  );
};
