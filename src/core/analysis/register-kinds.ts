/**
 * The Local register's businesses as the Opportunities sheet matches them: where each is (its
 * postcode placed as a payment's would be), and the kinds of spend it can supply. Each of its
 * categories (separated by ";" or ",") is judged by the influenceability rules in force, as a
 * payment's category would be: "Office cleaning" is the kind the cleaning rule names, "Legal" the
 * professional services kind. So the same rules that sort the payments sort the register, and a
 * user who edits the rules moves both alike.
 */
import { decideLocality, type LocalityContext } from '../locality';
import type { RegisterLine } from '../register';
import type { RegisterEntry } from '../report/context';
import type { RuleBook } from '../rule-book';

export function registerEntries(lines: readonly RegisterLine[], locality: LocalityContext, rules: RuleBook): RegisterEntry[] {
  return lines.map((line) => {
    const categories = line.categories
      .split(/[;,\n]/)
      .map((category) => category.trim())
      .filter(Boolean);
    return {
      ...line,
      locality: line.postcode ? decideLocality({ postcode: line.postcode }, locality).locality : undefined,
      supplies: categories.map((category) => {
        const judged = rules.judge({ supplier: '', supplierType: 'unknown', category });
        return judged.rule ? { category, kind: judged.reason } : { category };
      }),
    };
  });
}
