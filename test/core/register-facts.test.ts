import { registerSme, registerSpendKinds, registerSupplierType, sicSpendKind } from '../../src/core/register-facts';
import type { RegisterRecord } from '../../src/core/register-record';

function company(category: string, accounts = '', sic: number[] = []): RegisterRecord {
  return { register: 'companies', number: '01234567', postcode: 'PR1 2HE', category, accounts, sic, companyNumber: '' };
}
const charity: RegisterRecord = { register: 'charities', number: '1234567', postcode: 'PR1 2HE', category: 'Charitable company', accounts: '', sic: [], companyNumber: '01234567' };

describe('the supplier type a register states', () => {
  test('a charity, a community interest company, a further education corporation, a company', () => {
    expect(registerSupplierType(undefined, charity, 'Preston Foodbank')).toBe('charity');
    expect(registerSupplierType(company('Private Limited Company'), charity, 'Preston Foodbank Ltd')).toBe('charity');
    expect(registerSupplierType(company('Charitable Incorporated Organisation'), undefined, 'X')).toBe('charity');
    expect(registerSupplierType(company('Community Interest Company'), undefined, 'Green Shoots CIC')).toBe('social_enterprise');
    expect(registerSupplierType(company('Further Education and Sixth Form College Corps'), undefined, 'Preston College')).toBe('public_body');
    for (const category of ['Private Limited Company', 'PLC', 'Public Limited Company', 'Limited Liability Partnership', 'Private Unlimited Company', "PRI/LBG/NSC (Private, Limited by guarantee, no share capital, use of 'Limited' exemption)"]) {
      expect(registerSupplierType(company(category), undefined, 'X')).toBe('company');
    }
  });

  test('a registered society is a co-operative only when its name says so', () => {
    expect(registerSupplierType(company('Registered Society'), undefined, 'Preston Co-operative Society Ltd')).toBe('cooperative');
    expect(registerSupplierType(company('Registered Society'), undefined, 'Ribble Coop')).toBe('cooperative');
    expect(registerSupplierType(company('Registered Society'), undefined, 'Community Gateway Association Ltd')).toBeUndefined();
    expect(registerSupplierType(company('Registered Society'), undefined, 'Cooper Homes Ltd')).toBeUndefined();
  });

  test('categories that say nothing about the kind of organisation', () => {
    expect(registerSupplierType(company('Royal Charter Company'), undefined, 'X')).toBeUndefined();
    expect(registerSupplierType(company(''), undefined, 'X')).toBeUndefined();
    expect(registerSupplierType(undefined, undefined, 'X')).toBeUndefined();
  });
});

describe('SME from the accounts category', () => {
  test('micro, small, medium, total exemption and abridged accounts show an SME', () => {
    for (const accounts of ['MICRO ENTITY', 'SMALL', 'MEDIUM', 'TOTAL EXEMPTION FULL', 'TOTAL EXEMPTION SMALL', 'UNAUDITED ABRIDGED', 'AUDITED ABRIDGED']) {
      expect(registerSme(company('Private Limited Company', accounts))).toBe(true);
    }
  });

  test('full, group, dormant and missing accounts leave it unknown', () => {
    for (const accounts of ['FULL', 'GROUP', 'DORMANT', 'NO ACCOUNTS FILED', 'AUDIT EXEMPTION SUBSIDIARY', 'ACCOUNTS TYPE NOT AVAILABLE', '']) {
      expect(registerSme(company('Private Limited Company', accounts))).toBeUndefined();
    }
    expect(registerSme(undefined)).toBeUndefined();
  });
});

describe('kinds of spend from SIC 2007 codes', () => {
  test('the divisions the rules care about', () => {
    const kind = (code: number) => sicSpendKind(code)?.code;
    expect(kind(87100)).toBe('care');
    expect(kind(88100)).toBe('care');
    expect(kind(35110)).toBe('utilities');
    expect(kind(36000)).toBe('utilities');
    expect(kind(64191)).toBe('finance');
    expect(kind(65120)).toBe('finance');
    expect(kind(84110)).toBe('public_administration');
    expect(kind(85200)).toBe('education');
    expect(kind(41202)).toBe('construction');
    expect(kind(43390)).toBe('construction');
    expect(kind(81210)).toBe('facilities');
    expect(kind(56290)).toBe('catering');
    expect(kind(58290)).toBe('software');
    expect(kind(58110)).toBe('media');
    expect(kind(1110)).toBe('agriculture');
  });

  test('dormant and non-trading codes describe no activity', () => {
    expect(sicSpendKind(99999)).toBeUndefined();
    expect(sicSpendKind(74990)).toBeUndefined();
    expect(sicSpendKind(4000)).toBeUndefined();
  });

  test("a record's distinct kinds, in the order of its codes, with their labels", () => {
    expect(registerSpendKinds(company('Private Limited Company', '', [43390, 41202, 87100, 99999]))).toEqual([
      { code: 'construction', label: 'Building works and construction' },
      { code: 'care', label: 'Care and support services' },
    ]);
    expect(registerSpendKinds(undefined)).toEqual([]);
  });
});
