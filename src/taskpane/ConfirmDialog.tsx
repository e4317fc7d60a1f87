/** A button that asks before it acts: the safe choice first, so that it has the focus when the dialog opens. */
import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  children: ReactNode;
  /** The safe choice, which closes the dialog and does nothing. */
  keep: string;
  confirm: string;
  onConfirm: () => void;
  disabled?: boolean;
  primary?: boolean;
}

export function ConfirmDialog({ trigger, title, children, keep, confirm, onConfirm, disabled, primary }: ConfirmDialogProps) {
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={primary ? 'primary' : undefined} disabled={disabled}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{keep}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={onConfirm}>
                {confirm}
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
