import { Button, Flex, FlexItem, FormGroup, TextInput } from "@patternfly/react-core";
import { MinusCircleIcon, PlusCircleIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";
import { FieldHelp } from "../components/FieldHelp";
import { type ClaimRow, claimProblem, claimRow, MAX_CLAIMS } from "./patterns";

type Props = { rows: ClaimRow[]; onChange: (rows: ClaimRow[]) => void };

/** Other claims the token must carry, one row each: the claim's name and the pattern its value must match. */
export const ClaimPatternsField = ({ rows, onChange }: Props) => {
  const { t } = useTranslation();
  const change = (key: number, change: Partial<ClaimRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));

  return (
    <FormGroup label={t("iamClaims")} fieldId="iam-claims" role="group">
      {rows.map((row, index) => {
        const problem = claimProblem(row, rows);
        const inPattern = problem === "iamClaimPatternRule";
        return (
          <div key={row.key} className="pf-v5-u-mb-sm" data-testid="iam-claim-row">
            <Flex flexWrap={{ default: "nowrap" }} alignItems={{ default: "alignItemsFlexStart" }}>
              <FlexItem flex={{ default: "flex_1" }}>
                <TextInput id={`iam-claim-name-${index}`} data-testid="iam-claim-name" aria-label={t("iamClaimName")}
                  placeholder={t("iamClaimName")} value={row.name} validated={problem && !inPattern ? "error" : "default"}
                  onChange={(_e, name) => change(row.key, { name })} />
              </FlexItem>
              <FlexItem flex={{ default: "flex_2" }}>
                <TextInput data-testid="iam-claim-pattern" aria-label={t("iamClaimPattern")}
                  placeholder={t("iamClaimPattern")} value={row.pattern} validated={inPattern ? "error" : "default"}
                  onChange={(_e, pattern) => change(row.key, { pattern })} />
              </FlexItem>
              <FlexItem>
                <Button variant="plain" data-testid="iam-remove-claim" aria-label={t("iamRemoveClaim")}
                  onClick={() => remove(row.key)}>
                  <MinusCircleIcon />
                </Button>
              </FlexItem>
            </Flex>
            <FieldHelp isError text={problem && t(problem, { name: row.name.trim() })} />
          </div>
        );
      })}
      <Button variant="link" isInline icon={<PlusCircleIcon />} data-testid="iam-add-claim"
        isDisabled={rows.length >= MAX_CLAIMS} onClick={() => onChange([...rows, claimRow()])}>
        {t("iamAddClaim")}
      </Button>
      <FieldHelp text={t("iamClaimsHelp", { max: MAX_CLAIMS })} />
    </FormGroup>
  );
};
