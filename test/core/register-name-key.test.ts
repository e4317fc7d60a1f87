import { registerNameKey } from '../../src/core/register-name-key';

function expectSameKey(names: string[]): void {
  const keys = new Set(names.map(registerNameKey));
  expect([...keys]).toEqual([registerNameKey(names[0])]);
}

describe('registerNameKey: equal names in the registers sense', () => {
  test('Ltd and Limited, & and "and", punctuation, case and spacing', () => {
    expectSameKey(['SMITH & JONES LIMITED', 'Smith and Jones Ltd', 'Smith & Jones Ltd.', 'SMITH AND JONES', 'Smith-Jones Ltd']);
    expect(registerNameKey('Smith & Jones Limited')).toBe('SMITHJONES');
  });

  test('a leading "The", "(UK)" and a trading name after T/A', () => {
    expectSameKey(['THE RIBBLE CLEANING COMPANY LIMITED', 'Ribble Cleaning Company Ltd']);
    expectSameKey(['ACME WIDGETS (UK) LIMITED', 'Acme Widgets Ltd', 'Acme Widgets UK Ltd']);
    expectSameKey(['Preston Plumbing Ltd T/A Pipes Direct', 'PRESTON PLUMBING LIMITED']);
  });

  test("the register's long legal forms, English and Welsh, and dotted initials", () => {
    expectSameKey(['NORTHERN TRAINS PUBLIC LIMITED COMPANY', 'Northern Trains plc', 'Northern Trains P.L.C.']);
    expectSameKey(['GREEN SHOOTS COMMUNITY INTEREST COMPANY', 'Green Shoots CIC', 'Green Shoots C.I.C.']);
    expectSameKey(['HARRIS & CO SURVEYORS LIMITED LIABILITY PARTNERSHIP', 'Harris & Co Surveyors LLP']);
    expectSameKey(['CWMNI TEG CYFYNGEDIG', 'Cwmni Teg Cyf', 'Cwmni Teg Ltd']);
    expectSameKey(['A.B.C. LIMITED', 'ABC Ltd']);
  });

  test('look-alikes are different companies', () => {
    const keys = ['Acme Ltd', 'Acme Holdings Ltd', 'Acme (Scotland) Ltd', 'Acme Group Ltd', 'Acme North West Ltd', 'Acme Services Ltd'].map(registerNameKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('only letters and digits, and nothing for a name with neither', () => {
    expect(registerNameKey('"!NFERNO" LTD.')).toBe('NFERNO');
    expect(registerNameKey('CAFÉ NÉRO LIMITED')).toBe('CAFENERO');
    expect(registerNameKey('!!!')).toBe('');
    expect(registerNameKey('   ')).toBe('');
  });

  test('"CYF" is a legal form only where it ends the name', () => {
    expect(registerNameKey('CYF ADEILADU LTD')).toBe('CYFADEILADU');
  });
});
