/**
 * The Local register: local businesses the partnership knows can supply the influenceable kinds
 * of spend (name, postcode, categories, SME / VCSE / co-operative flags). The user maintains it;
 * the add-in reads it to suggest candidates on the Opportunities sheet.
 */
import type { Cell, Grid } from './cell';

export const REGISTER_COLUMNS = ['Name', 'Postcode', 'Categories', 'SME', 'VCSE', 'Co-operative', 'Notes'] as const;

export interface RegisterLine {
  name: string;
  postcode?: string;
  categories: string;
  flags: string;
}

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());
const isYes = (cell: Cell | undefined) => /^(y|yes|true|1|x)$/i.test(text(cell)) || cell === true;

/** Reads the register from a grid whose first row is its header (columns found by name). */
export function registerFromGrid(grid: Grid): RegisterLine[] {
  const header = (grid[0] ?? []).map((h) => text(h).toLowerCase());
  const at = (name: string) => header.indexOf(name.toLowerCase());
  const [name, postcode, categories, sme, vcse, coop] = ['Name', 'Postcode', 'Categories', 'SME', 'VCSE', 'Co-operative'].map(at);
  if (name < 0) return [];
  const lines: RegisterLine[] = [];
  for (const row of grid.slice(1)) {
    const supplier = text(row[name]);
    if (!supplier) continue;
    const flags = [
      sme >= 0 && isYes(row[sme]) ? 'SME' : '',
      vcse >= 0 && isYes(row[vcse]) ? 'VCSE' : '',
      coop >= 0 && isYes(row[coop]) ? 'co-operative' : '',
    ].filter(Boolean);
    lines.push({
      name: supplier,
      postcode: postcode >= 0 ? text(row[postcode]) || undefined : undefined,
      categories: categories >= 0 ? text(row[categories]) : '',
      flags: flags.join(', '),
    });
  }
  return lines;
}
