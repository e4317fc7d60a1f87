/** The spend columns the add-in can use, in the words the pane shows them. */
import { columnIndex, columnLetter, type Field } from '../core/mapping';

export interface FieldLabel {
  field: Field;
  label: string;
  /** What the column is used for, for the user deciding which column it is. */
  hint: string;
}

/** In the order the pane lists them; the override columns are the add-in's own and not listed. */
export const FIELD_LABELS: readonly FieldLabel[] = [
  { field: 'supplier', label: 'Supplier name', hint: 'Who was paid.' },
  { field: 'amount', label: 'Amount paid', hint: 'Net of VAT where the sheet has both.' },
  { field: 'postcode', label: 'Supplier postcode', hint: 'Decides where the supplier is.' },
  { field: 'address', label: 'Supplier address', hint: 'Used for its postcode when there is no postcode column.' },
  { field: 'category', label: 'Category', hint: 'Expense type, account or ProClass description.' },
  { field: 'categoryGroup', label: 'Category group', hint: 'The coarser heading the category sits under (expense group, subjective group).' },
  { field: 'description', label: 'Description', hint: 'What the payment was for.' },
  { field: 'serviceArea', label: 'Service area', hint: 'The department or cost centre that spent it.' },
  { field: 'institution', label: 'Institution', hint: 'The organisation that paid, when the sheet combines several.' },
  { field: 'date', label: 'Payment date', hint: '' },
  { field: 'supplierId', label: 'Supplier ID or company number', hint: 'Joins the payments to a creditor file.' },
  { field: 'sme', label: 'SME flag', hint: '' },
];

export const REQUIRED_LABELS: Partial<Record<Field, string>> = { supplier: 'the supplier name', amount: 'the amount paid' };

/** The sheet column letters of the data's columns, from its address ("C4:K90" → C, D, …). */
export function columnLettersOf(address: string, count: number): string[] {
  const start = columnIndex(/^\$?([A-Z]+)/i.exec(address)?.[1] ?? 'A');
  return Array.from({ length: count }, (_, c) => columnLetter(Math.max(0, start) + c));
}
