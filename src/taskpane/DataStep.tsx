/**
 * Step 1: where the spend data is and which column is which. The add-in's proposal is shown
 * for the user to confirm or correct; what it could not find is said in plain words.
 */
import { useId, useState } from 'react';
import { Body1, Button, Dropdown, Field, Input, Link, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import type { Field as SpendField } from '../core/mapping';
import type { WorkbookOverview } from '../excel/api';
import { FIELD_LABELS, REQUIRED_LABELS, columnLettersOf } from './field-labels';
import { formatCount } from './format';
import { Notice } from './Notice';
import { Step } from './Step';

const NOT_IN_SHEET = '';
/** Below this, a proposed column is flagged for the user to check. */
const DOUBTFUL = 0.7;

const useStyles = makeStyles({
  columns: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  rowInput: { width: '6em' },
  dropdown: { minWidth: 0, width: '100%' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  links: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

export interface DataStepProps {
  overview: WorkbookOverview;
  mapping: Partial<Record<SpendField, string>>;
  disabled: boolean;
  busy: boolean;
  onChooseColumn: (field: SpendField, header: string | undefined) => void;
  onRemap: (headerRow: number | null) => void;
  onFindAgain: () => void;
}

export function DataStep({ overview, mapping, disabled, busy, onChooseColumn, onRemap, onFindAgain }: DataStepProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const [headerRowText, setHeaderRowText] = useState('');
  const [showHeaderRow, setShowHeaderRow] = useState(false);
  const headerRowId = useId();
  const data = overview.data;

  if (!data) {
    return (
      <Step number={1} title="Your spend data">
        <Notice intent="warning" title="No spend data found" message={overview.dataProblem ?? 'Select a cell in your spend data, then choose "Find the data again".'} />
        <div className={styles.actions}>
          <Button onClick={onFindAgain} disabled={disabled}>
            Find the data again
          </Button>
        </div>
      </Step>
    );
  }

  const letters = columnLettersOf(data.address, data.headers.length);
  const optionText = (c: number) => `${letters[c]}: ${data.headers[c]}`;
  const columnOf = (header: string | undefined) => (header === undefined ? -1 : data.headers.indexOf(header));
  const missing = (Object.keys(REQUIRED_LABELS) as SpendField[]).filter((field) => columnOf(mapping[field]) < 0);
  const shown = FIELD_LABELS.filter(({ field }) => showAll || field in REQUIRED_LABELS || columnOf(mapping[field]) >= 0);
  const hidden = FIELD_LABELS.length - shown.length;
  const where = data.table ? `table ${data.table} on sheet ${data.sheet}` : `sheet ${data.sheet}`;
  const firstRow = Number(/\d+/.exec(data.address)?.[0] ?? 1);

  const applyHeaderRow = () => {
    const row = Number(headerRowText);
    if (Number.isInteger(row) && row >= 1) onRemap(row);
  };

  return (
    <Step number={1} title="Your spend data">
      <Body1>
        Found {formatCount(data.rows)} {data.rows === 1 ? 'row' : 'rows'} of data in {where} (cells {data.address}),{' '}
        {data.headerRow === null ? 'with no header row.' : `with column headers on row ${data.headerRow}.`}
      </Body1>
      {missing.length > 0 ? (
        <Notice
          intent="warning"
          title="A required column is missing"
          message={`Choose the column that holds ${missing.map((f) => REQUIRED_LABELS[f]).join(' and ')} below. The add-in cannot analyse the sheet without it.`}
        />
      ) : (
        <Text size={200}>Check that each column below is right; change any that is not.</Text>
      )}
      <div className={styles.columns}>
        {shown.map(({ field, label, hint }) => {
          const column = columnOf(mapping[field]);
          const proposed = data.mapping[field];
          const doubtful = column >= 0 && proposed !== undefined && proposed.header === mapping[field] && proposed.confidence < DOUBTFUL;
          const required = field in REQUIRED_LABELS;
          return (
            <Field
              key={field}
              label={label}
              required={required}
              hint={doubtful ? `Please check: the add-in is not sure about this one. ${hint}` : hint || undefined}
              validationState={required && column < 0 ? 'error' : doubtful ? 'warning' : 'none'}
              validationMessage={required && column < 0 ? `Choose the column with ${REQUIRED_LABELS[field]}.` : undefined}
            >
              <Dropdown
                className={styles.dropdown}
                disabled={disabled}
                value={column >= 0 ? optionText(column) : 'Not in this sheet'}
                selectedOptions={[column >= 0 ? data.headers[column] : NOT_IN_SHEET]}
                onOptionSelect={(_, selection) => onChooseColumn(field, selection.optionValue ? selection.optionValue : undefined)}
              >
                <Option value={NOT_IN_SHEET}>Not in this sheet</Option>
                {data.headers.map((header, c) => (
                  <Option key={`${c}:${header}`} value={header} text={optionText(c)}>
                    {optionText(c)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </div>
      <div className={styles.links}>
        {hidden > 0 ? (
          <Link as="button" onClick={() => setShowAll(true)}>
            Show {hidden} more {hidden === 1 ? 'column' : 'columns'} the add-in can use
          </Link>
        ) : null}
        <Link as="button" aria-expanded={showHeaderRow} onClick={() => setShowHeaderRow(!showHeaderRow)}>
          Wrong header row?
        </Link>
        <Link as="button" disabled={disabled} onClick={onFindAgain}>
          Find the data again
        </Link>
      </div>
      {showHeaderRow ? (
        <div className={styles.row} role="group" aria-labelledby={headerRowId}>
          <Text id={headerRowId} size={200}>
            If the column headers are on another row, give its number. The data starts at row {firstRow}.
          </Text>
          <Field label="Header row">
            <Input className={styles.rowInput} type="number" min={1} value={headerRowText} onChange={(_, d) => setHeaderRowText(d.value)} onKeyDown={(e) => e.key === 'Enter' && applyHeaderRow()} />
          </Field>
          <Button disabled={disabled || headerRowText === ''} onClick={applyHeaderRow}>
            {busy ? 'Reading…' : 'Use this row'}
          </Button>
          <Button disabled={disabled} onClick={() => onRemap(null)}>
            No header row
          </Button>
        </div>
      ) : null}
    </Step>
  );
}
