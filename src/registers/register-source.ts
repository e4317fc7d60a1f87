/**
 * One register download read into records: which register it is comes from its first line
 * (Companies House's CSV header, or the charity extract's JSON or tab-separated header), so that
 * files can be given in any order and under any name.
 */
import { charityExtractForm, readCharities } from './charity-commission';
import { isCompaniesHeader, readCompanies } from './companies-house';
import { decodedText, peekText, RegisterSourceError, type RecordSink, type SourceSummary, type SourceText } from './source-text';

export async function readRegisterSource(source: SourceText, add: RecordSink): Promise<SourceSummary> {
  const { head, all } = await peekText(decodedText(source.chunks));
  const firstLine = head.replace(/^\uFEFF/, '').split('\n', 1)[0];
  if (isCompaniesHeader(firstLine)) return readCompanies(source, all, add);
  const form = charityExtractForm(head.replace(/^\uFEFF/, ''));
  if (form) return readCharities(source, all, form, add);
  const shown = firstLine.length > 120 ? `${firstLine.slice(0, 120)}…` : firstLine;
  throw new RegisterSourceError(
    `${source.name} is neither Companies House's Basic Company Data (a CSV whose header names CompanyName and CompanyNumber) nor the Charity Commission's publicextract.charity (JSON or tab-separated text); it begins "${shown}".`,
  );
}
