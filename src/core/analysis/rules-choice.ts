/**
 * The influenceability rules in force: a rules file the user named, else the workbook's Rules
 * sheet as the user left it (a rule that cannot be read is reported with its cell and skipped),
 * else the defaults, which are then written to the Rules sheet. The Method sheet says which, and
 * how they differ from the defaults.
 */
import type { SheetProblem } from '../directory';
import { BaselineError } from '../errors';
import type { Rule } from '../rule-schema';
import { parseRulesCsv, RulesError, rulesToCsv, validateRulesSheet } from '../rule-table';
import type { RulesSource } from './input';
import type { UserSheetPlan } from './plan-types';
import { filledSheet, rulesSheetPlan } from './user-sheets';

export interface ChosenRules {
  rules: Rule[];
  /** "154 rules from the Rules sheet (the default rules, unedited)". */
  description: string;
  problems: SheetProblem[];
}

function defaultRules(csv: string): Rule[] {
  try {
    return parseRulesCsv(csv, 'the default rules');
  } catch (error) {
    if (error instanceof RulesError) throw new BaselineError('default-rules-invalid', `The default rules shipped with Local Spend Baseline cannot be read (${error.message}); install it again.`);
    throw error;
  }
}

/** How the rules differ from the defaults, line for line. */
function comparedWithDefaults(rules: readonly Rule[], defaults: readonly Rule[]): string {
  const defaultLines = new Set(rulesToCsv(defaults).split('\n').slice(1));
  const lines = rulesToCsv(rules).split('\n').slice(1);
  const changed = lines.filter((line) => !defaultLines.has(line)).length;
  const removed = defaultLines.size - (lines.length - changed);
  return changed === 0 && removed === 0 ? 'the default rules, unedited' : `edited: ${changed} rule${changed === 1 ? '' : 's'} added or changed, ${removed} default rule${removed === 1 ? '' : 's'} removed`;
}

/** "Rules!D7: message" as a cell and a message. */
function splitCellMessage(text: string): SheetProblem {
  const colon = text.indexOf(': ');
  return colon < 0 ? { cell: '', message: text } : { cell: text.slice(0, colon), message: text.slice(colon + 2) };
}

export function chooseRules(source: RulesSource, sheetName: string): ChosenRules {
  const defaults = defaultRules(source.defaults);
  const described = (rules: Rule[], where: string, problems: SheetProblem[] = []): ChosenRules => ({
    rules,
    description: `${rules.length} rules from ${where} (${comparedWithDefaults(rules, defaults)})`,
    problems,
  });
  if (source.file) return described(parseRulesCsv(source.file.text, source.file.name), source.file.name);
  const sheet = filledSheet(source.sheet);
  if (sheet) {
    const { rules, errors } = validateRulesSheet(sheet, sheetName);
    const problems = errors.map((error) => {
      const { cell, message } = splitCellMessage(error);
      return { cell, message: `${message}; this rule was skipped` };
    });
    return described(rules, `the ${sheetName} sheet`, problems);
  }
  // The defaults are written to the Rules sheet, which the next run reads: described the same way.
  return described(defaults, `the ${sheetName} sheet`);
}

/** The Rules sheet as the defaults make it, for a user who resets their rules. */
export function defaultRulesSheet(csv: string, sheet: string): UserSheetPlan {
  return rulesSheetPlan(sheet, undefined, defaultRules(csv));
}
