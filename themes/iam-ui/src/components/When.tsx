import { Tooltip } from "@patternfly/react-core";
import { formatExact, formatInstant } from "../dates";

/** An instant to the minute (or the day), with the exact one on hover; `never` when there is none. */
export const When = ({ instant, never, dayOnly }: { instant: string | null; never: string; dayOnly?: boolean }) =>
  instant ? (
    <Tooltip content={formatExact(new Date(instant))}>
      <span>{formatInstant(instant, never, dayOnly)}</span>
    </Tooltip>
  ) : (
    <>{never}</>
  );
