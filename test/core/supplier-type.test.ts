import * as fs from 'fs';
import * as path from 'path';
import type { SupplierType } from '../../src/core/codes';
import { isRedacted, supplierType } from '../../src/core/supplier-type';
import { readLabels } from '../../scripts/label-agreement';
import { describeWithShared, sharedPath } from '../support/shared';

function expectType(type: SupplierType, names: string[]): void {
  for (const name of names) expect([name, supplierType(name)]).toEqual([name, type]);
}

describe('supplierType', () => {
  test('public bodies as finance systems write them', () => {
    expectType('public_body', [
      'Stockport M.B.C.',
      'Tameside Mbc',
      'Dept of Business Energy & Ind Strat',
      'Dept For Communities & Local Govt',
      '(DD) Department of Levelling Up, Housing & Comm...',
      'GMCA',
      'Greater Manchester Combined Authori',
      'Central Mcr Uni Hospital t/a',
      'Salford Royal Nhs Foundation Trust',
      'Gmw Mental Health Nhs Ft',
      'NHS CCG',
      'HM Revenue & Customs (Direct Debit)',
      'HMRC',
      'Lancashire Police Authority',
      'Lancashire Fire and Rescue Service',
      'Lancashire County Council (Direct Debit Payments)',
      'Bury Council',
      'Altham Parish Council',
      'Colne Town Council',
      'LCC',
      'Greater M/Cr Pension Fund',
      'Peel Park Primary School',
      'St Augustine\'s C Of E Primary School',
      'Irlam Primary',
      'The Hyndburn Academy',
      'New Bridge Multi Academy Trust',
      'Salford City College',
      'University Of Salford',
      'Environment Agency',
      'The planning Inspectorate',
      'Disclosure & Barring Service',
      'Network Rail',
      'Public Works Loan Board',
    ]);
  });

  test('names that only look like public bodies', () => {
    expectType('company', [
      'Salford Schools Solutions Ltd',
      'Beis Ruchel Girls School Ltd',
      'Full Circuit Fire & Security Ltd',
      'Global Policing Ltd',
      'Quorum Estates Pension Fund Ltd',
      'Transport Training Academy Ltd',
      'H & M Building & Joinery Ltd',
    ]);
    expect(supplierType('British Youth Council')).not.toBe('public_body');
    expect(supplierType('Lowry District Scout Council')).not.toBe('public_body');
    expect(supplierType('Ri Ris Dance Academy')).not.toBe('public_body');
    expect(supplierType('Wasp Pre-School')).not.toBe('public_body');
  });

  test('charities, social enterprises and co-operatives', () => {
    expectType('charity', ['Canal & River Trust', 'Citizens Advice East Lancashire', 'Clayton-Le-Moors Relief In Need', 'Rishton Methodist Church', 'Age Concern Salford', 'The Extracare Charitable Trust']);
    expectType('social_enterprise', ['Harv Housing Cic', 'Woody (Hyndburn) C I C', 'Fairfield Boxing Club and SITHI C.I.C', 'Six Degrees Social Enterprise Cic']);
    expectType('cooperative', ['Ability Cooperative Ltd', 'Coop Swinton', 'Salford Credit Union', 'Midcounties Co-operative']);
  });

  test('companies by legal form or trade', () => {
    expectType('company', ['Morgan Sindall Construction & Infrastructure Ltd', 'Womble Bond Dickinson (Uk) LLP', 'Barcham Trees Plc', 'Stephensons Solicitors', 'Lea Hough And Co', 'Westfield Tree Services']);
  });

  test('individuals: a title, a barrister, a sole trader trading as a business', () => {
    expectType('individual', ['Mr Martin Carter (Kings Chambers)', 'Miss Constanze Bell - Kings Chambers', 'David Forsdick KC', 'Andrea Caldwell T/A Bottomleys', 'Dr H Sutherland']);
  });

  test('names withheld as personal data are individuals, and say so', () => {
    const withheld = ['REDACTED', 'Redacted Data', 'Redaction', 'Personal Data', 'Name withheld', 'Private Individual', 'XXXXXX', 'Data Protection'];
    expectType('individual', withheld);
    for (const name of withheld) expect([name, isRedacted(name)]).toEqual([name, true]);
    expect(isRedacted('Mr Martin Carter (Kings Chambers)')).toBe(false);
    expect(isRedacted('Redactive Publishing Ltd')).toBe(false);
    expect(isRedacted('Individual Solutions Ltd')).toBe(false);
  });

  test('names that say nothing about the organisation', () => {
    expectType('unknown', ['Alison Cooper', 'Aawaz', 'Critiqom', '']);
  });

  test('public bodies named without the words that usually say so', () => {
    expectType('public_body', [
      'NEWCASTLEUPONTYNE HOSPITALTRUST',
      'Pennine Mental Health',
      'North East Ambulance Service',
      'PROSPER LEARNING TRUST',
      'BISHOP BEWICK CATHOLIC EDUACTION TRUST',
      'Smart Multi Academy Trust',
      'Northern Education Trust Ltd',
      'Calderdale Schools Ltd',
      'BECKFOOT PHOENIX PRIMARY SPECIAL SC',
      'City of Sunderland',
    ]);
    expectType('company', ['Salford Schools Solutions Ltd', 'Beis Ruchel Girls School Ltd', 'Mental Health Training Solutions Ltd']);
  });

  test('housing associations and national care charities', () => {
    expectType('charity', ['New Progress Housing Association Limited', 'Thirteen Housing Group', 'DIMENSIONS', 'Scope', 'ACTION FOR CHILDREN', 'United Response', 'Mencap Northern Division', 'Alzheimers Society']);
    expect(supplierType('Dimensions Interiors Ltd')).toBe('company');
    expect(supplierType('Sense of Place Design')).not.toBe('charity');
  });
});

describeWithShared('supplier types of the practitioner-labelled suppliers', () => {
  /** Every labelled supplier, with the practitioner's note on what it is. */
  function labelledSuppliers(): [string, string][] {
    const folder = sharedPath('data', 'labels');
    return fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.csv'))
      .flatMap((file) => [...readLabels(fs.readFileSync(path.join(folder, file), 'utf8'), file).bySupplier].map(([name, label]): [string, string] => [name, label.note]));
  }

  test('the NHS bodies, councils, government departments, schools and academies are public bodies', () => {
    const publicBodies = labelledSuppliers().filter(([, note]) => /^(?:nhs (?:trust|body)|academy(?: trust)?$|school(?: \(budget share\))?$|public body|government department|fe college)/.test(note));
    expect(publicBodies.length).toBeGreaterThan(50);
    expect(publicBodies.filter(([name]) => supplierType(name) !== 'public_body')).toEqual([]);
  });

  test('care homes and care providers, however they are named, are not public bodies', () => {
    const providers = labelledSuppliers().filter(([, note]) => /^(?:care home|nursing home|home care provider|supported living provider|care provider)/.test(note));
    expect(providers.length).toBeGreaterThan(50);
    expect(providers.filter(([name]) => supplierType(name) === 'public_body')).toEqual([]);
  });
});
