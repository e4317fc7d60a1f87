import { checkPostcode, findPostcode, normalisePostcode } from '../../src/core/postcode';

describe('normalisePostcode', () => {
  it.each([
    ['PR1 2HE', 'PR1 2HE'],
    ['PR12HE', 'PR1 2HE'],
    ['pr1  2he', 'PR1 2HE'],
    ['PR1-2HE', 'PR1 2HE'],
    [' (pr1 2he). ', 'PR1 2HE'],
    ['M11AE', 'M1 1AE'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('%s → %s', (text, expected) => {
    expect(normalisePostcode(text)).toBe(expected);
  });

  it.each(['PR1 2CE', 'QR1 2AB', 'PR1 2H', 'PR1', '12345', 'Preston', '', 'W1I 1AA', 'SW1Z 1AA'])('rejects %s', (text) => {
    expect(normalisePostcode(text)).toBeUndefined();
  });
});

describe('checkPostcode says why a postcode is not one', () => {
  it.each([
    ['PR1 2CE', /never C, I, K, M, O or V \(found C\)/],
    ['QR1 2AB', /"QR" is not a UK postcode area/],
    ['W1I 1AA', /cannot end in the letter I/],
    ['PR1 2A', /not shaped like the second half/],
  ])('%s', (candidate, why) => {
    const result = checkPostcode(candidate);
    expect('why' in result && result.why).toMatch(why);
  });
});

describe('findPostcode', () => {
  it('takes the last valid postcode of an address line', () => {
    expect(findPostcode({ address: 'Unit 3, Foo St, Preston, PR1 2HE, UK' })).toMatchObject({ kind: 'full', postcode: 'PR1 2HE', area: 'PR', outward: 'PR1', sector: 'PR1 2' });
    expect(findPostcode({ address: 'Head office M1 1AE; depot: pr25 1ab' })).toMatchObject({ kind: 'full', postcode: 'PR25 1AB' });
    expect(findPostcode({ address: '10 High St\nLeyland\nPR25 1AB' })).toMatchObject({ kind: 'full', postcode: 'PR25 1AB' });
  });

  it('reads messy postcode cells', () => {
    for (const cell of ['PR12HE', 'pr1  2he', 'PR1-2HE', 'PR1 2HE.', '"PR1 2HE"']) {
      expect(findPostcode({ postcode: cell })).toMatchObject({ kind: 'full', postcode: 'PR1 2HE' });
    }
  });

  it('recognises sectors and districts in a postcode cell, including redacted ones', () => {
    expect(findPostcode({ postcode: 'PR3 2' })).toEqual({ kind: 'sector', sector: 'PR3 2', area: 'PR', outward: 'PR3' });
    expect(findPostcode({ postcode: 'pr3 2**' })).toMatchObject({ kind: 'sector', sector: 'PR3 2' });
    expect(findPostcode({ postcode: 'PR3' })).toEqual({ kind: 'district', outward: 'PR3', area: 'PR' });
    expect(findPostcode({ postcode: 'SW1A' })).toMatchObject({ kind: 'district', outward: 'SW1A', area: 'SW' });
  });

  it('takes a partial postcode from an address only when it is the whole last part', () => {
    expect(findPostcode({ address: 'Garstang Road, Preston, PR3' })).toMatchObject({ kind: 'district', outward: 'PR3' });
    expect(findPostcode({ address: 'Garstang Road, Preston, PR3 2, United Kingdom' })).toMatchObject({ kind: 'sector', sector: 'PR3 2' });
    expect(findPostcode({ address: 'Unit B1, Trading Estate' })).toEqual({ kind: 'none' });
    expect(findPostcode({ address: 'Floor 2, Unit B1' })).toEqual({ kind: 'none' });
  });

  it('prefers a full postcode in the address to a partial one in the cell', () => {
    expect(findPostcode({ postcode: 'PR3', address: '1 Main St, Preston PR3 2AB' })).toMatchObject({ kind: 'full', postcode: 'PR3 2AB' });
    expect(findPostcode({ postcode: 'PR1 2HE', address: '1 Main St, Manchester M1 1AE' })).toMatchObject({ kind: 'full', postcode: 'PR1 2HE' });
  });

  it('explains invalid postcode cells', () => {
    expect(findPostcode({ postcode: 'PR1 2CE' })).toEqual({ kind: 'invalid', text: 'PR1 2CE', why: expect.stringContaining('never C, I, K, M, O or V') });
    expect(findPostcode({ postcode: 'QQ1 1AA' })).toMatchObject({ kind: 'invalid', why: expect.stringContaining('"QQ" is not a UK postcode area') });
    expect(findPostcode({ postcode: 'N/A' })).toMatchObject({ kind: 'invalid', why: expect.stringContaining('not a UK postcode') });
    expect(findPostcode({ postcode: '   ' })).toEqual({ kind: 'none' });
  });

  describe('foreign addresses', () => {
    it.each([
      [{ address: '1 Grand Canal Sq, Dublin 2, D02 P820' }, 'Ireland'],
      [{ address: 'Block 4, Dublin, Ireland' }, 'Ireland'],
      [{ address: 'Eastpoint, Dublin 3, Republic of Ireland' }, 'Ireland'],
      [{ address: '12 rue de la Paix, 75002 Paris, France' }, 'France'],
      [{ address: 'Hauptstrasse 5, 10115 Berlin, Deutschland' }, 'Germany'],
      [{ address: 'Damrak 1, 1012 LG Amsterdam, The Netherlands' }, 'Netherlands'],
      [{ address: '410 Terry Ave N, Seattle WA 98109-5210' }, 'United States'],
      [{ address: 'One Microsoft Way, Redmond, WA, USA' }, 'United States'],
      [{ postcode: '1012 LG' }, 'Netherlands'],
      [{ postcode: 'K1A 0B1' }, 'Canada'],
      [{ postcode: 'GX11 1AA' }, 'Gibraltar'],
      [{ postcode: 'FIQQ 1ZZ' }, 'Falkland Islands'],
    ])('%j is outside the UK (%s)', (text, country) => {
      expect(findPostcode(text)).toMatchObject({ kind: 'foreign', country });
    });

    it('does not mistake UK places for foreign countries', () => {
      expect(findPostcode({ address: '1 Donegall Sq, Belfast, Northern Ireland' })).toEqual({ kind: 'none' });
      expect(findPostcode({ address: '2 Market Place, Spalding, South Holland' })).toEqual({ kind: 'none' });
      expect(findPostcode({ address: 'Contact us' })).toEqual({ kind: 'none' });
      expect(findPostcode({ address: 'Belfast, Northern Ireland, BT1 5GS' })).toMatchObject({ kind: 'full', postcode: 'BT1 5GS' });
    });

    it('lets a UK postcode win over a foreign country named elsewhere', () => {
      expect(findPostcode({ postcode: 'PR1 2HE', address: 'Paris, France' })).toMatchObject({ kind: 'full', postcode: 'PR1 2HE' });
    });
  });
});
