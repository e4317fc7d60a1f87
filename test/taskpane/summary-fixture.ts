/** A real Summary (the core's Summariser over a few classified payments) for the pane's tests. */
import type { RowResult } from '../../src/core/classify';
import type { Influence, Locality } from '../../src/core/codes';
import type { SpendRow } from '../../src/core/rows';
import { Summariser, type Summary } from '../../src/core/summary';

export type Payment = [supplier: string, amount: number, locality: Locality, influence: Influence];

export function summaryOf(payments: readonly Payment[]): Summary {
  const summariser = new Summariser();
  payments.forEach(([supplier, amount, locality, influence], i) => {
    const row: SpendRow = { row: i + 2, supplier, amount };
    const result: RowResult = {
      id: i,
      locality,
      districtLabel: '',
      basis: 'test',
      coverage: 'unknown',
      influence,
      reason: 'test',
      coop: false,
      supplierType: 'company',
      supplierKey: supplier.toUpperCase(),
    };
    summariser.add(row, result);
  });
  return summariser.result(300);
}
