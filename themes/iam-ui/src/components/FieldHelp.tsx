import { FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";

/** The line under a field: its rule, or in red what is wrong with what was typed. */
export const FieldHelp = ({ text, isError, testId }: { text?: string; isError?: boolean; testId?: string }) =>
  text ? (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant={isError ? "error" : "default"} data-testid={testId}>{text}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  ) : null;
