import { ExpandableSection, List, ListItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Subjects as the common platforms write them, with what each trusts. */
const EXAMPLES = [
  { pattern: "repo:acme/web:ref:refs/heads/main", meaningKey: "iamPatternExampleGitHub" },
  { pattern: "repo:acme/web:environment:production", meaningKey: "iamPatternExampleGitHubEnvironment" },
  { pattern: "system:serviceaccount:ci:deployer", meaningKey: "iamPatternExampleKubernetes" },
  { pattern: "system:serviceaccount:ci:*", meaningKey: "iamPatternExampleKubernetesNamespace" },
];

/** How subject patterns read, folded away under the subject field until asked for. */
export const PatternHelp = () => {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <ExpandableSection toggleText={t("iamPatternExamples")} isExpanded={expanded} isIndented
      onToggle={(_e, value) => setExpanded(value)} data-testid="iam-pattern-examples">
      <List isPlain>
        {EXAMPLES.map(({ pattern, meaningKey }) => (
          <ListItem key={pattern}>
            <code>{pattern}</code> — {t(meaningKey)}
          </ListItem>
        ))}
      </List>
    </ExpandableSection>
  );
};
