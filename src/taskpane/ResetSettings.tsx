/**
 * "Reset the add-in's settings", offered when the workbook's saved settings are damaged: the
 * user cannot remove the very hidden sheet that holds them (Excel's Unhide dialog does not list
 * it), so the pane does, once the user has confirmed. Their sheets and columns stay.
 */
import { useState } from 'react';
import type { WorkbookService } from '../excel/api';
import { ConfirmDialog } from './ConfirmDialog';
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
    <ConfirmDialog
      trigger={working ? 'Resetting…' : "Reset the add-in's settings…"}
      title={<>Reset the add-in&rsquo;s settings?</>}
      keep="Keep them"
      confirm="Reset the settings"
      disabled={working}
      primary
      onConfirm={() => void reset()}
    >
      The add-in forgets what it saved in this workbook: the areas, the column choices and the postcodes it looked up online. Your sheets and
      columns stay, and so do the result columns and the add-in&rsquo;s sheets: analyse again to refresh them.
    </ConfirmDialog>
  );
}
