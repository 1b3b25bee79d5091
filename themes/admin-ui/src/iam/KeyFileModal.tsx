import { Alert, Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { KeyFile } from "./api";

/** Shows a generated key's file once: nothing keeps the private key, so this download is the only copy. */
export const KeyFileModal = ({ keyFile, onClose }: { keyFile: KeyFile; onClose: () => void }) => {
  const { t } = useTranslation();
  const text = JSON.stringify(keyFile, null, 2);

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${keyFile.clientId}-${keyFile.keyId}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("iamKeyFile")}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="download" data-testid="iam-download-key-file" onClick={download}>
          {t("iamDownloadKeyFile")}
        </Button>,
        <Button key="close" variant="link" data-testid="iam-close-key-file" onClick={onClose}>
          {t("close")}
        </Button>,
      ]}
    >
      <Alert variant="warning" isInline title={t("iamKeyFileOnce")} className="pf-v5-u-mb-md" />
      <pre className="iam-key-file" data-testid="iam-key-file">{text}</pre>
    </Modal>
  );
};
