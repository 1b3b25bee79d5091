import {
  Divider,
  Dropdown,
  DropdownItem,
  DropdownList,
  Level,
  LevelItem,
  MenuToggle,
  PageSection,
  Switch,
  Text,
  TextContent,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "./ConfirmModal";

export type HeaderAction = { key: string; label: string; onClick: () => void; isDanger?: boolean };

type Props = {
  title: string;
  description?: ReactNode;
  /** Shows an Enabled switch; `onToggle` makes it usable (disabling asks first). */
  isEnabled?: boolean;
  onToggle?: (enabled: boolean) => void;
  /** What may be done with the page's object; no menu when empty. */
  actions?: HeaderAction[];
  /** What a disabled object stops doing, said when the person disables it. */
  disableMessage?: string;
};

/** The title area of a page, laid out as Keycloak's own: title, Enabled switch and an Action menu, description. */
export const PageHeader = ({ title, description, isEnabled, onToggle, actions = [], disableMessage }: Props) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [confirmingDisable, setConfirmingDisable] = useState(false);

  return (
    <>
      <PageSection variant="light">
        <Level hasGutter>
          <LevelItem>
            <TextContent>
              <Text component="h1" data-testid="iam-page-title">{title}</Text>
            </TextContent>
          </LevelItem>
          <LevelItem>
            <Toolbar className="pf-v5-u-p-0">
              <ToolbarContent>
                {isEnabled !== undefined && (
                  <ToolbarItem>
                    <Switch id="iam-header-enabled" data-testid="iam-header-enabled" label={t("iamEnabled")}
                      labelOff={t("iamDisabled")} isChecked={isEnabled} isDisabled={!onToggle}
                      onChange={(_e, value) => (value ? onToggle?.(true) : setConfirmingDisable(true))} />
                  </ToolbarItem>
                )}
                {actions.length > 0 && (
                  <ToolbarItem>
                    <Dropdown isOpen={open} onOpenChange={setOpen} popperProps={{ position: "right" }}
                      onSelect={() => setOpen(false)}
                      toggle={(ref) => (
                        <MenuToggle ref={ref} data-testid="iam-header-actions" isExpanded={open}
                          onClick={() => setOpen(!open)}>
                          {t("iamAction")}
                        </MenuToggle>
                      )}>
                      <DropdownList>
                        {actions.map((action) => (
                          <DropdownItem key={action.key} data-testid={`iam-action-${action.key}`}
                            isDanger={action.isDanger} onClick={action.onClick}>
                            {action.label}
                          </DropdownItem>
                        ))}
                      </DropdownList>
                    </Dropdown>
                  </ToolbarItem>
                )}
              </ToolbarContent>
            </Toolbar>
          </LevelItem>
        </Level>
        {description && (
          <TextContent>
            <Text className="pf-v5-u-pt-sm">{description}</Text>
          </TextContent>
        )}
      </PageSection>
      <Divider component="div" />
      {confirmingDisable && (
        <ConfirmModal title={t("iamDisableTitle", { name: title })} message={disableMessage ?? ""}
          continueLabel={t("iamDisable")} isDanger onCancel={() => setConfirmingDisable(false)}
          onConfirm={() => { setConfirmingDisable(false); onToggle?.(false); }} />
      )}
    </>
  );
};
