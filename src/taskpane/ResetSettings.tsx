/**
 * "Reset the add-in's settings", offered when the workbook's saved settings are damaged: the
 * user cannot remove the very hidden sheet that holds them (Excel's Unhide dialog does not list
 * it), so the pane does, once the user has confirmed. Their sheets and columns stay.
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import type { WorkbookService } from '../excel/api';
import { plainError } from './plain-error';

export interface ResetSettingsProps {
  service: WorkbookService;
  /** After the reset: the pane reads the workbook afresh. */
  onReset: () => void;
  onProblem: (message: string) => void;
}

export function ResetSettings({ service, onReset, onProblem }: ResetSettingsProps) {
  const [working, setWorking] = useState(false);
  const reset = async () => {
    setWorking(true);
    try {
      await service.resetSettings();
      onReset();
    } catch (error) {
      onProblem(plainError(error, "reset the add-in's settings"));
    } finally {
      setWorking(false);
    }
  };
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabled={working}>
          {working ? 'Resetting…' : "Reset the add-in's settings…"}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Reset the add-in&rsquo;s settings?</DialogTitle>
          <DialogContent>
            The add-in forgets what it saved in this workbook: the areas, the column choices and the postcodes it looked up online. Your
            sheets and columns stay, and so do the result columns and the add-in&rsquo;s sheets: analyse again to refresh them.
          </DialogContent>
          <DialogActions>
            {/* The safe choice comes first, so that it has the focus when the dialog opens. */}
            <DialogTrigger disableButtonEnhancement>
              <Button>Keep them</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={() => void reset()}>
                Reset the settings
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
