import { Alert, Button, Modal, ModalVariant } from "@patternfly/react-core";
import { CopyIcon, DownloadIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KeyFile } from "../api";
import { ConfirmModal } from "../components/ConfirmModal";

/** Copies text; where the Clipboard API is missing (plain http to another host), through a selected text area. */
const copyText = async (text: string) => {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("copy refused");
};

const save = (keyFile: KeyFile, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${keyFile.clientId}-${keyFile.keyId}.json`;
  link.click();
  URL.revokeObjectURL(url);
};

/**
 * Shows a generated key's file once: nothing keeps the private key, so this is the only copy. Closing it (Close,
 * ×, Escape) before it was downloaded or copied asks first.
 */
export const KeyFileModal = ({ keyFile, onClose }: { keyFile: KeyFile; onClose: () => void }) => {
  const { t } = useTranslation();
  const text = JSON.stringify(keyFile, null, 2);
  const [kept, setKept] = useState<"downloaded" | "copied">();
  const [copyFailed, setCopyFailed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const requestClose = () => (kept ? onClose() : setConfirming(true));

  const copy = async () => {
    try {
      await copyText(text);
      setKept((was) => was ?? "copied");
      setCopyFailed(false);
    } catch {
      setCopyFailed(true);
    }
  };

  return (
    <>
      {/* One dialog at a time: while asking, the key file waits hidden (its state kept) and comes back on Cancel. */}
      <Modal variant={ModalVariant.medium} title={t("iamKeyFile")} isOpen={!confirming} onClose={requestClose}
        data-testid="iam-key-file-dialog"
        actions={[
          <Button key="download" data-testid="iam-download-key-file" icon={<DownloadIcon />}
            onClick={() => { save(keyFile, text); setKept("downloaded"); }}>
            {t("iamDownloadKeyFile")}
          </Button>,
          <Button key="copy" variant="secondary" data-testid="iam-copy-key-file" icon={<CopyIcon />}
            onClick={() => void copy()}>
            {kept === "copied" ? t("iamCopied") : t("iamCopyKeyFile")}
          </Button>,
          <Button key="close" variant="link" data-testid="iam-close-key-file" onClick={requestClose}>
            {t("iamClose")}
          </Button>,
        ]}>
        <Alert variant={kept ? "success" : "warning"} isInline className="pf-v5-u-mb-md" data-testid="iam-key-file-state"
          title={kept === "downloaded" ? t("iamKeyFileDownloaded") : kept === "copied" ? t("iamKeyFileCopied") : t("iamKeyFileOnce")} />
        {copyFailed && <Alert variant="danger" isInline className="pf-v5-u-mb-md" title={t("iamCopyFailed")} />}
        <pre className="iam-key-file" data-testid="iam-key-file">{text}</pre>
      </Modal>
      {confirming && (
        <ConfirmModal title={t("iamKeyFileNotSaved")} message={t("iamKeyFileNotSavedConfirm")} isDanger
          continueLabel={t("iamCloseWithoutKeyFile")} onCancel={() => setConfirming(false)} onConfirm={onClose} />
      )}
    </>
  );
};
