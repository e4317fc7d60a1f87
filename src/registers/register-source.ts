/**
 * One register download read into records: which register it is comes from its first line
 * (Companies House's CSV header, or the charity extract's JSON or tab-separated header), so that
 * files can be given in any order and under any name.
 */
import { charityExtractForm, readCharities } from './charity-commission';
import { isCompaniesHeader, readCompanies } from './companies-house';
import type { RegisterName } from '../core/register-record';
import { decodedText, peekText, RegisterSourceError, type RecordSink, type SourceSummary, type SourceText } from './source-text';

type Kind = { register: 'companies' } | { register: 'charities'; form: 'json' | 'text' };

/** Which register a download is, from its beginning. */
function kindOf(source: SourceText, head: string): Kind {
  const text = head.replace(/^\uFEFF/, '');
  const firstLine = text.split('\n', 1)[0];
  if (isCompaniesHeader(firstLine)) return { register: 'companies' };
  const form = charityExtractForm(text);
  if (form) return { register: 'charities', form };
  const shown = firstLine.length > 120 ? `${firstLine.slice(0, 120)}…` : firstLine;
  throw new RegisterSourceError(
    `${source.name} is neither Companies House's Basic Company Data (a CSV whose header names CompanyName and CompanyNumber) nor the Charity Commission's publicextract.charity (JSON or tab-separated text); it begins "${shown}".`,
  );
}

export async function readRegisterSource(source: SourceText, add: RecordSink): Promise<SourceSummary> {
  const { head, all } = await peekText(decodedText(source.chunks));
  const kind = kindOf(source, head);
  return kind.register === 'companies' ? readCompanies(source, all, add) : readCharities(source, all, kind.form, add);
}

/** Which register a download is, read from its first few kilobytes only. */
export async function registerOf(source: SourceText): Promise<RegisterName> {
  const text = decodedText(source.chunks);
  try {
    const { head } = await peekText(text);
    return kindOf(source, head).register;
  } finally {
    // Stops reading (and closes the file) after the beginning.
    await text.return(undefined);
  }
}
