import { registerNameKey } from '../../src/core/register-name-key';
import {
  candidatesText,
  matchRegister,
  recordNumberKeys,
  registerBasis,
  registerEntities,
  registerLookups,
  type RegisterFinds,
  type RegisterQuery,
} from '../../src/core/register-match';
import type { RegisterRecord } from '../../src/core/register-record';

/** A register of a few records, named as the registers name them, answering as the pack would. */
function register(entries: [name: string, record: Partial<RegisterRecord> & Pick<RegisterRecord, 'number'>][]) {
  const records = entries.map(([name, partial]) => ({
    name,
    record: { register: 'companies', postcode: '', category: 'Private Limited Company', accounts: '', sic: [], companyNumber: '', ...partial } as RegisterRecord,
  }));
  return (query: RegisterQuery) => {
    const { nameKeys, numberKeys } = registerLookups(query);
    const finds: RegisterFinds = {
      byName: new Map(nameKeys.map((key) => [key, records.filter((r) => registerNameKey(r.name) === key).map((r) => r.record)])),
      byNumber: new Map(numberKeys.map((key) => [key, records.filter((r) => recordNumberKeys(r.record).includes(key)).map((r) => r.record)])),
    };
    return matchRegister(query, finds);
  };
}

const lookup = register([
  ['ACME LIMITED', { number: '01234567', postcode: 'PR1 2HE' }],
  ['ACME HOLDINGS LIMITED', { number: '02345678', postcode: 'M1 1AE' }],
  ['ACME (SCOTLAND) LIMITED', { number: 'SC123456', postcode: 'G1 1AA' }],
  ['ACME GROUP LIMITED', { number: '03456789', postcode: 'L1 1AA' }],
  ['RIBBLE HOMES LIMITED', { number: '04567890', postcode: 'PR2 2AA' }],
  ['RIBBLE HOMES LTD.', { number: '05678901', postcode: 'BB1 1AA' }],
  ['PRESTON FOODBANK', { number: '06789012', postcode: 'PR1 3AA' }],
  ['PRESTON FOODBANK', { register: 'charities', number: '1100001', postcode: 'PR1 3AB', category: 'Charitable company', companyNumber: '06789012' }],
  ['LANCASHIRE WILDLIFE TRUST', { register: 'charities', number: '229325', postcode: 'PR5 6AU', category: 'Trust' }],
  ['PARKSIDE TRUST', { register: 'charities', number: '1100002', postcode: 'BB2 2BB' }],
  ['PARKSIDE TRUST LIMITED', { number: '07890123', postcode: 'LA1 1AA' }],
  ['NUMBERED LIMITED', { number: '00222222', postcode: 'FY1 1AA' }],
  ['OTHER NUMBERED CHARITY', { register: 'charities', number: '222222', postcode: 'FY2 2AA' }],
]);

describe('matching a supplier to the registers', () => {
  test('exactly one organisation with the name: matched by name, spelt as finance systems do', () => {
    for (const name of ['Acme Ltd', 'ACME LIMITED', 'The Acme Ltd', 'Acme (UK) Ltd', 'Acme Ltd T/A Acme Direct']) {
      const match = lookup({ names: [name] });
      expect(match).toMatchObject({ status: 'matched', by: 'name', entity: { company: { number: '01234567' } } });
    }
  });

  test('look-alikes are other companies, never a match for X', () => {
    expect(lookup({ names: ['Acme Holdings Ltd'] })).toMatchObject({ status: 'matched', entity: { company: { number: '02345678' } } });
    expect(lookup({ names: ['Acme (Scotland) Ltd'] })).toMatchObject({ status: 'matched', entity: { company: { number: 'SC123456' } } });
    expect(lookup({ names: ['Acme North West Ltd'] })).toEqual({ status: 'none' });
    expect(lookup({ names: ['Acme Services'] })).toEqual({ status: 'none' });
  });

  test('an ambiguous name is left unmatched, with its candidates', () => {
    const match = lookup({ names: ['Ribble Homes Ltd'] });
    expect(match.status).toBe('ambiguous');
    if (match.status !== 'ambiguous') return;
    expect(match.candidates.map((c) => c.company?.number)).toEqual(['04567890', '05678901']);
    expect(candidatesText(match.candidates)).toBe('Companies House 04567890 PR2 2AA; Companies House 05678901 BB1 1AA');
  });

  test('a charitable company in both registers is one candidate', () => {
    const match = lookup({ names: ['Preston Foodbank'] });
    expect(match).toMatchObject({ status: 'matched', by: 'name', entity: { company: { number: '06789012' }, charity: { number: '1100001' } } });
    if (match.status === 'matched') {
      expect(registerBasis(match.entity, match.by)).toBe('Registered office PR1 3AA (Companies House 06789012, charity 1100001, name match)');
    }
  });

  test('a charity and a company that do not name each other are two candidates', () => {
    const match = lookup({ names: ['Parkside Trust Ltd'] });
    expect(match.status).toBe('ambiguous');
  });

  test('a charity alone: its contact address', () => {
    const match = lookup({ names: ['Lancashire Wildlife Trust'] });
    expect(match).toMatchObject({ status: 'matched', entity: { charity: { number: '229325' } } });
    if (match.status === 'matched') {
      expect(match.entity.company).toBeUndefined();
      expect(registerBasis(match.entity, match.by)).toBe('Charity contact address PR5 6AU (charity 229325, name match)');
    }
  });

  test('several spellings of one supplier: one organisation, or candidates when they disagree', () => {
    expect(lookup({ names: ['Acme Ltd', 'ACME LIMITED - 12345 Site A'] })).toMatchObject({ status: 'matched', entity: { company: { number: '01234567' } } });
    const disagree = lookup({ names: ['Acme Ltd', 'Acme Holdings Ltd'] });
    expect(disagree.status).toBe('ambiguous');
  });

  test('a number column decides when the name cannot', () => {
    const match = lookup({ names: ['Ribble Homes Ltd'], numbers: ['5678901'] });
    expect(match).toMatchObject({ status: 'matched', by: 'number', entity: { company: { number: '05678901' } } });
    if (match.status === 'matched') expect(registerBasis(match.entity, match.by)).toBe('Registered office BB1 1AA (Companies House 05678901, number match)');
    // A number with no name match at all.
    expect(lookup({ names: ['R Homes'], numbers: ['04567890'] })).toMatchObject({ status: 'matched', entity: { company: { number: '04567890' } } });
    // A company number finds the charity that names it too.
    expect(lookup({ names: [], numbers: ['06789012'] })).toMatchObject({ status: 'matched', entity: { company: { number: '06789012' }, charity: { number: '1100001' } } });
  });

  test('a number and a name that point at different organisations are both candidates', () => {
    const match = lookup({ names: ['Acme Ltd'], numbers: ['02345678'] });
    expect(match.status).toBe('ambiguous');
    if (match.status === 'ambiguous') expect(match.candidates.map((c) => c.company?.number)).toEqual(['02345678', '01234567']);
  });

  test("a bare number that is one company's and another charity's: the name says which, or nothing does", () => {
    expect(lookup({ names: ['Other Numbered Charity'], numbers: ['222222'] })).toMatchObject({ status: 'matched', by: 'number', entity: { charity: { number: '222222' } } });
    expect(lookup({ names: ['Someone Else'], numbers: ['222222'] }).status).toBe('ambiguous');
  });

  test('a number that finds nothing leaves the name to decide', () => {
    expect(lookup({ names: ['Acme Ltd'], numbers: ['V-10023', '09999999'] })).toMatchObject({ status: 'matched', by: 'name', entity: { company: { number: '01234567' } } });
  });

  test("the user's choice decides, written as the candidates are", () => {
    expect(lookup({ names: ['Ribble Homes Ltd'], chosen: 'Companies House 04567890' })).toMatchObject({ status: 'matched', by: 'choice', entity: { company: { number: '04567890' } } });
    const chosen = lookup({ names: ['Someone Else'], chosen: 'charity 222222' });
    expect(chosen).toMatchObject({ status: 'matched', by: 'choice', entity: { charity: { number: '222222' } } });
    if (chosen.status === 'matched') expect(registerBasis(chosen.entity, chosen.by)).toBe('Charity contact address FY2 2AA (charity 222222, chosen on the Suppliers sheet)');
  });

  test('no name, no number: nothing to look up', () => {
    expect(registerLookups({ names: ['', '!!!'] })).toEqual({ nameKeys: [], numberKeys: [] });
    expect(lookup({ names: [] })).toEqual({ status: 'none' });
  });
});

describe('registerEntities', () => {
  const record = (partial: Partial<RegisterRecord> & Pick<RegisterRecord, 'number'>): RegisterRecord => ({
    register: 'companies', postcode: '', category: '', accounts: '', sic: [], companyNumber: '', ...partial,
  });

  test('a record found twice counts once; a second charity naming the same company stands apart', () => {
    const company = record({ number: '01234567' });
    const first = record({ register: 'charities', number: '1000001', companyNumber: '01234567' });
    const second = record({ register: 'charities', number: '1000002', companyNumber: '01234567' });
    expect(registerEntities([first, company, company, second, first])).toEqual([{ company, charity: first }, { charity: second }]);
  });

  test('a company without a postcode says so in its basis', () => {
    expect(registerBasis({ company: record({ number: '01234567' }) }, 'name')).toBe('No postcode in the register (Companies House 01234567, name match)');
  });

  test('at most ten candidates are written out', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ company: record({ number: String(10000000 + i), postcode: 'PR1 2HE' }) }));
    expect(candidatesText(many)).toMatch(/Companies House 10000009 PR1 2HE; and 2 more$/);
  });
});
