import { Bullseye, Spinner } from "@patternfly/react-core";

export const Loading = () => (
  <Bullseye className="pf-v5-u-p-xl">
    <Spinner />
  </Bullseye>
);
