import * as fs from 'fs';
import { parseCsv } from '../../src/core/csv';
import { keyIdentity, supplierKey } from '../../src/core/supplier-key';
import { describeWithShared, sharedPath } from '../support/shared';

/** Two names are one supplier when their keys have the same identity (spaces aside). */
const identity = (name: string) => keyIdentity(supplierKey(name));

function expectOneKey(names: string[]): string {
  const keys = new Set(names.map(identity));
  expect([...keys]).toHaveLength(1);
  return [...keys][0];
}

describe('supplierKey groups the spellings of one supplier', () => {
  test('initials with dots, legal suffixes, case, spacing and "and"', () => {
    expect(expectOneKey(['A.B.C. LIMITED', 'Abc Ltd', 'ABC Ltd.', 'A B C Limited'])).toBe('ABC');
  });

  test('account numbers and sites after a dash (Hyndburn utility accounts)', () => {
    expect(
      expectOneKey([
        'Water Plus - 4035576019 - 2 Foxhill Bank, Osw',
        'Water Plus - 4083296151 Market Hall',
        'Water Plus  -4032312559 Social Centre, Eagle Stree',
        'Water Plus Ltd - 6000325944 - Car Park, Union Rd',
        'Water Plus',
      ]),
    ).toBe('WATERPLUS');
    expect(expectOneKey(['SEFE Energy - 10174064 Consolidated', 'SEFE Energy - 10174064 Mercer Park, CLM'])).toBe('SEFEENERGY');
    expect(expectOneKey(['EDF - 893361461 Hyndburn Leisure Centre', 'EDF - A-97A42833 - Stall 49', 'EDF - 2732447855 Cannon Street Site 11'])).toBe('EDF');
    expect(expectOneKey(['British Gas Lite BGL499730', 'British Gas Lite BGL505532 - Unit 15 Market Hall'])).toBe('BRITISHGASLITE');
    expect(expectOneKey(['E-On Next Energy - A-001CB535 Unit 15 Market Hall', 'E.On Next Energy', 'E.On Next Energy - A-54DE8BBA'])).toBe('EONNEXTENERGY');
    expect(expectOneKey(['Opus Energy Ltd - Unit 14, Market Hall - 1531570', 'Opus Energy Ltd'])).toBe('OPUSENERGY');
  });

  test('payment-method notes in parentheses, but not the words that name the supplier', () => {
    expect(expectOneKey(['Lancashire County Council (Direct Debit Payments)', 'Lancashire County Council'])).toBe('LANCASHIRECOUNTYCOUNCIL');
    expect(expectOneKey(['(DD ONLY) Ribble Valley Borough Council', 'Ribble Valley Borough Council'])).toBe('RIBBLEVALLEYBOROUGHCOUNCIL');
    expect(identity('(DD) Department of Levelling Up, Housing & Comm...')).toBe('DEPARTMENTOFLEVELLINGUPHOUSINGCOMM');
    expect(identity('HM Revenue & Customs (Direct Debit)')).toBe('HMREVENUECUSTOMS');
    expect(expectOneKey(['Royal Town Planning Institute (RTPI)', 'The Royal Town Planning Institute'])).toBe('ROYALTOWNPLANNINGINSTITUTE');
    expect(identity('Hill View (Private) Hotel')).toBe('HILLVIEWPRIVATEHOTEL');
  });

  test('names cut short at a fixed width (Salford)', () => {
    expect(expectOneKey(['Capita Property & Infrastructure', 'Capita Property & Infrastructure Lt', 'Capita Property & Infrastructure Ltd'])).toBe('CAPITAPROPERTYINFRASTRUCTURE');
    expect(expectOneKey(['Carl Allen Furnishings Li', 'Carl Allen Furnishings Ltd', 'Carl Allen Furnishings'])).toBe('CARLALLENFURNISHINGS');
    expect(expectOneKey(['Federation Of Community Services (C', 'Federation Of Community Services'])).toBe('FEDERATIONOFCOMMUNITYSERVICES');
  });

  test('sites and trading names after the legal name, and card-payment descriptors', () => {
    expect(expectOneKey(['Kidz R Us Nursery Ltd - Pendlebury', 'Kidz R Us Nursery Ltd - Swinton'])).toBe('KIDZRUSNURSERY');
    expect(expectOneKey(['Lloyds Pharmacy Ltd - 90 Liverpool', 'Lloyds Pharmacy Ltd -178 Liverpool', 'Lloyds Pharmacy Ltd-Pendleton Gatew'])).toBe('LLOYDSPHARMACY');
    expect(expectOneKey(['Green Salmon Pubs Limited', 'Green Salmon Pubs Limited T/A Coal'])).toBe('GREENSALMONPUBS');
    expect(identity('T/A Cbre Ltd')).toBe('CBRE');
    // Found by a property: punctuation after "trading as" hid it, so the key was not its own key.
    expect(expectOneKey(['Smith Trading As, Jones', 'Smith Trading As: Jones', 'Smith Trading As Jones', 'Smith T/A. Jones'])).toBe('SMITH');
    expect(supplierKey(supplierKey('Smith Trading As, Jones'))).toBe('SMITH');
    expect(expectOneKey(['Iz *Kevin Booth Painting', 'Ztl*Kevin Booth Painting', 'Kevin Booth Painting'])).toBe('KEVINBOOTHPAINTING');
    expect(expectOneKey(['Amazon.Co.Uk*5J2322Xq5', 'Amazon.Co.Uk*Mk5Hj3Z84', 'AMAZON UK'])).toBe('AMAZON');
    expect(expectOneKey(['Www.Duraweld.Co.Uk', 'Duraweld Ltd'])).toBe('DURAWELD');
    expect(expectOneKey(["K'S Chemist", "K's Chemist"])).toBe('KSCHEMIST');
    expect(expectOneKey(['Booze  Burn And Bloom Ltd', 'Booze Burn & Bloom Ltd'])).toBe('BOOZEBURNBLOOM');
    expect(expectOneKey(['Kidz R Us Nursery Ltd - Pendlebury', 'Kidzrus Nursery Ltd - Irlam'])).toBe('KIDZRUSNURSERY');
  });
});

describe('a key is its own key (counterexamples found by properties)', () => {
  test.each([
    [' -  123456 Ltd', '123456'],
    ['Trading As Trading As T/A', 'T A'],
    ['T/A Gwit Sbg .co.uk Trading As Ltd', 'GWIT SBG'],
    ['/  (0*0', '0 0'],
    ['(DD ONLY)', 'DD ONLY'],
  ])('%j → %j, whose key it is too', (name, key) => {
    expect(supplierKey(name)).toBe(key);
    expect(supplierKey(key)).toBe(key);
  });
});

describe('the key reads as words', () => {
  test('spaced for people, the same supplier however a finance system spaced it', () => {
    expect(supplierKey('Lancashire County Council (Direct Debit Payments)')).toBe('LANCASHIRE COUNTY COUNCIL');
    expect(supplierKey('Water Plus - 4035576019 - 2 Foxhill Bank, Osw')).toBe('WATER PLUS');
    expect(supplierKey('Waterplus - 6002030122 - Rhyddings Park')).toBe('WATERPLUS');
    expect(keyIdentity('WATER PLUS')).toBe(keyIdentity('WATERPLUS'));
    expect(supplierKey('A.B.C. LIMITED')).toBe('A B C');
  });
});

describe('supplierKey keeps different organisations apart', () => {
  test('a council and an NHS trust of the same place', () => {
    expect(identity('Salford City Council')).not.toBe(identity('Salford Royal NHS Foundation Trust'));
    expect(identity('Salford City Council')).not.toBe(identity('Salford City College'));
  });

  test('firms that share their first words', () => {
    const names = ['Capita Business Services Ltd', 'Capita One Limited', 'Capita Property & Infrastructure Ltd', 'Aon Uk Limited', 'Aon Consulting'];
    expect(new Set(names.map(identity)).size).toBe(names.length);
    expect(identity('Groundwork Landscapes Limited')).not.toBe(identity('Groundwork & Leisure Services Limited'));
    expect(identity('SSE - 8700214041 Mercer House')).not.toBe(identity('SSE Energy Solutions - 8700686803 - 14 Broadway'));
  });

  test('an account reference is only dropped after the first word', () => {
    expect(identity('1010 Taxis')).toBe('1010TAXIS');
    expect(identity('TTD2 Limited - Burgess Hodgson')).toBe('TTD2');
  });

  test('a name that is nothing but noise keeps a key', () => {
    expect(identity('Ltd')).toBe('LTD');
    expect(identity('  ')).toBe('');
  });
});

describeWithShared('supplierKey on the real Hyndburn 2024/25 file', () => {
  const records = parseCsv(fs.readFileSync(sharedPath('data', 'real', 'hyndburn_spend_over_250_2024-25.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const column = records[0].indexOf('Supplier Name');
  const names = [...new Set(records.slice(1).map((record) => record[column]).filter(Boolean))];

  test('the 22 "Water Plus - <account> - <site>" names have one key', () => {
    const accounts = names.filter((name) => /^water ?plus(?: ltd)?\s+-/i.test(name));
    expect(accounts).toHaveLength(22);
    expectOneKey([...accounts, 'Water Plus']);
  });

  test('every EDF account and every SEFE account has one key each', () => {
    expectOneKey(names.filter((name) => name.startsWith('EDF - ')));
    expectOneKey(names.filter((name) => name.startsWith('SEFE Energy - ')));
  });

  test('keys group spellings without merging the file into a few suppliers', () => {
    const keys = new Set(names.map(identity));
    // 771 names; utility accounts and spellings fold together, real organisations stay apart.
    expect(keys.size).toBeLessThan(names.length - 60);
    expect(keys.size).toBeGreaterThan(650);
  });
});
