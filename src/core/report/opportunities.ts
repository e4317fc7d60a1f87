/**
 * The Opportunities sheet: influenceable spend that leaves the wider area, by kind of spend, with
 * the local businesses that could supply it and its co-operative potential; and, while the Local
 * register is empty, how to fill it.
 *
 * A register business is a candidate for a kind of spend when its postcode places it in the local
 * or wider area and one of its categories is that kind: read by the rules in force as a
 * payment's category would be, or naming the kind outright (any case).
 */
import { localityLabel, type AreaNames } from '../labels';
import type { BreakdownLine } from '../summary';
import { count, longText, money, pct, text, type Block } from './blocks';
import type { RegisterEntry, ReportContext } from './context';

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** The category by which a business supplies this kind of spend, if any does. */
function suppliedBy(entry: RegisterEntry, kind: string): string | undefined {
  return entry.supplies.find((supply) => same(supply.kind, kind) || same(supply.category, kind))?.category;
}

const isCooperative = (entry: RegisterEntry) => /co-operative/.test(entry.flags);

function candidateText(entry: RegisterEntry, category: string, names: AreaNames): string {
  const about = [entry.postcode, localityLabel(entry.locality!, names), entry.flags].filter(Boolean).join('; ');
  return `${entry.name} (${about}): "${category}"`;
}

function cooperativePotential(line: BreakdownLine, cooperatives: number): string {
  const onRegister = `${cooperatives} co-operative${cooperatives === 1 ? '' : 's'} on the register can supply it`;
  if (line.coop) return cooperatives > 0 ? `Yes: ${onRegister}` : 'Yes: none on the register yet; a new co-operative could be scoped';
  return cooperatives > 0 ? onRegister : '';
}

const HOW_TO_FILL = (sheet: string) => [
  `On the ${sheet} sheet, one line per local business: its Name, Postcode and Categories, and Yes under SME, VCSE or Co-operative where it is one.`,
  'Categories are the kinds of spend it can supply, separated by semicolons (e.g. "Office cleaning; Catering"). The Rules sheet reads them as it reads a payment’s category, so "Office cleaning" is a candidate for Cleaning; a category may also name a kind of spend below.',
  'With the command line, --register FILE (a .csv or .xlsx with those columns) is read instead of the sheet, and fills it when the workbook has none.',
  'Then analyse again: each kind of spend lists the businesses in the local or wider area that can supply it.',
];

export function opportunityBlocks(ctx: ReportContext, registerSheet: string): Block[] {
  const names: AreaNames = { local: ctx.areas.local.name, wider: ctx.areas.wider.name };
  const lines = ctx.analysis.summary.leakageByKind;
  const totalLeakage = lines.reduce((sum, line) => sum + line.influenceableLeakage, 0);
  // Local businesses first, then those in the rest of the wider area, each in register order.
  const nearby = [...ctx.register.filter((e) => e.locality === 'local'), ...ctx.register.filter((e) => e.locality === 'wider')];
  const empty = ctx.register.length === 0;
  const blocks: Block[] = [
    {
      id: 'opportunities',
      title: 'Influenceable leakage and local suppliers',
      note: empty
        ? `The ${registerSheet} sheet is empty, so no local supplier is suggested yet: see below how to fill it.`
        : 'A business is a candidate when its postcode is in the local or wider area and one of its categories is this kind of spend (read by the rules, or naming it).',
      columns: [
        text('Kind of spend', 40),
        money('Influenceable leakage (£)', 20),
        pct('Share of influenceable leakage'),
        text('Co-operative potential', 24),
        count('Candidates'),
        longText('Candidate local suppliers (Local register): why'),
      ],
      rows: lines.map((line) => {
        const candidates = nearby.flatMap((entry) => {
          const category = suppliedBy(entry, line.label);
          return category === undefined ? [] : [{ entry, category }];
        });
        return [
          line.label,
          line.influenceableLeakage,
          totalLeakage > 0 ? line.influenceableLeakage / totalLeakage : 'n/a',
          cooperativePotential(line, candidates.filter(({ entry }) => isCooperative(entry)).length),
          candidates.length,
          candidates.map(({ entry, category }) => candidateText(entry, category, names)).join('; '),
        ];
      }),
    },
  ];
  if (empty) {
    blocks.push({ id: 'register_how', title: `How to fill the ${registerSheet} sheet`, columns: [longText('Step')], rows: HOW_TO_FILL(registerSheet).map((step) => [step]) });
  }
  const elsewhere = ctx.register.filter((entry) => entry.locality !== 'local' && entry.locality !== 'wider');
  if (elsewhere.length > 0) {
    blocks.push({
      id: 'register_elsewhere',
      title: 'Register businesses not suggested: not placed in the local or wider area',
      columns: [text('Business', 40), text('Postcode', 12), longText('Why')],
      rows: elsewhere.map((entry) => [
        entry.name,
        entry.postcode ?? '',
        !entry.postcode ? 'No postcode: add one to place it' : entry.locality === 'unknown' ? 'Its postcode could not be placed' : `${localityLabel(entry.locality!, names)}: outside the wider area`,
      ]),
    });
  }
  return blocks;
}
