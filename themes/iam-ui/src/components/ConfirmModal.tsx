import { Button, Modal, ModalVariant } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  title: string;
  message: ReactNode;
  continueLabel: string;
  isDanger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before something that cannot be taken back; Escape and × cancel. */
export const ConfirmModal = ({ title, message, continueLabel, isDanger, onConfirm, onCancel }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal variant={ModalVariant.small} title={title} titleIconVariant={isDanger ? "warning" : undefined} isOpen
      onClose={onCancel} data-testid="iam-confirm"
      actions={[
        <Button key="confirm" data-testid="iam-confirm-continue" variant={isDanger ? "danger" : "primary"}
          onClick={onConfirm}>
          {continueLabel}
        </Button>,
        <Button key="cancel" data-testid="iam-confirm-cancel" variant="link" onClick={onCancel}>
          {t("iamCancel")}
        </Button>,
      ]}>
      {message}
    </Modal>
  );
};
