import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';

export const ErrorBar = ({ title, error }: { title: string; error: QuorumError | null }) =>
  error ? (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  ) : null;
