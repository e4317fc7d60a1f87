/** A message in the pane's own words: an error with what to do next, a warning, or news. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarIntent } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface NoticeProps {
  intent: MessageBarIntent;
  title?: string;
  message: ReactNode;
  onDismiss?: () => void;
}

export function Notice({ intent, title, message, onDismiss }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline" politeness={intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        {title ? (
          <>
            <MessageBarTitle>{title}</MessageBarTitle>{' '}
          </>
        ) : null}
        {message}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            Dismiss
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
