/**
 * A searchable picker for one area: type part of a name or an ONS code and pick from the
 * districts, counties, combined authorities, regions and presets that match. A list of areas can
 * be built by separating them with commas; each new piece is searched on its own.
 */
import { useMemo, useState } from 'react';
import { Combobox, Field, makeStyles, Option, type FieldProps } from '@fluentui/react-components';
import type { AreaOption } from '../core/areas';
import { searchAreaOptions } from './area-search';

/** Enough to find any area by typing; more would only slow the list down. */
const SHOWN_OPTIONS = 40;

const useStyles = makeStyles({
  combobox: { minWidth: 0, width: '100%' },
  input: { minWidth: 0 },
});

export interface AreaPickerProps {
  label: string;
  hint: string;
  /** The committed text: what was last picked or typed. */
  value: string;
  options: readonly AreaOption[];
  disabled: boolean;
  validation?: { state: FieldProps['validationState']; message: string };
  onCommit: (text: string) => void;
}

/** The text before the piece being typed (up to its last comma), and that piece. */
function splitLastPiece(text: string): { head: string; piece: string } {
  const at = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'));
  return at < 0 ? { head: '', piece: text } : { head: `${text.slice(0, at + 1)} `, piece: text.slice(at + 1) };
}

function districtCount(option: AreaOption): string {
  return option.kind === 'district' ? '' : ` — ${option.districts.length} districts`;
}

export function AreaPicker({ label, hint, value, options, disabled, validation, onCommit }: AreaPickerProps) {
  const styles = useStyles();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  // A new committed value from outside (a choice button, a re-read workbook) replaces the text.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
  }
  const { head, piece } = splitLastPiece(text);
  const matches = useMemo(() => searchAreaOptions(options, piece, SHOWN_OPTIONS), [options, piece]);

  const commit = (next: string) => {
    if (next.trim() !== value.trim()) onCommit(next.trim());
  };

  return (
    <Field label={label} hint={hint} validationState={validation?.state ?? 'none'} validationMessage={validation?.message}>
      <Combobox
        className={styles.combobox}
        input={{ className: styles.input }}
        freeform
        disabled={disabled}
        value={text}
        placeholder="Type to search, e.g. Preston"
        selectedOptions={[]}
        onChange={(event) => setText(event.target.value)}
        onOptionSelect={(_, data) => {
          if (!data.optionText) return;
          const next = `${head}${data.optionText}`;
          setText(next);
          commit(next);
        }}
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        onBlur={() => commit(text)}
        onKeyDown={(event) => {
          // With the list open, Enter picks the highlighted area (onOptionSelect); closed, it confirms what was typed.
          if (event.key === 'Enter' && !open) commit(text);
        }}
      >
        {matches.map((option) => (
          <Option key={option.label} value={option.label} text={option.label}>
            {`${option.label}${districtCount(option)}`}
          </Option>
        ))}
        {matches.length === 0 ? (
          <Option key="none" value="" text="" disabled>
            No area matches &ldquo;{piece.trim()}&rdquo;
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
