import { csvField, detectDelimiter, parseCsv } from '../../src/core/csv';

describe('parseCsv', () => {
  test('LF, CRLF and CR-only line ends give the same records', () => {
    const expected = [['a', 'b'], ['1', '2'], ['3', '4']];
    expect(parseCsv('a,b\n1,2\n3,4\n')).toEqual(expected);
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(parseCsv('a,b\r1,2\r3,4\r')).toEqual(expected);
    expect(parseCsv('a,b\r1,2\r3,4')).toEqual(expected);
  });

  test('blank lines are kept as records, so record n is line n; a final line end adds none', () => {
    expect(parseCsv('a,b\n\n1,2\n')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsv('a,b\r\n\r\n\r\n1,2')).toEqual([['a', 'b'], [''], [''], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
  });

  test('quoted fields hold delimiters, doubled quotes and line ends of any kind', () => {
    const text = 'name,amount,note\r\n"Smith, J","1,234.56","said ""hi""\r\nthen left"\r\nAcme,5,"a\rb"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'amount', 'note'],
      ['Smith, J', '1,234.56', 'said "hi"\r\nthen left'],
      ['Acme', '5', 'a\rb'],
    ]);
  });

  test('fields are kept as written: spaces, a quote inside an unquoted field, text after a closing quote', () => {
    expect(parseCsv(' a , 5" pipe ,"x"y\n')).toEqual([[' a ', ' 5" pipe ', 'xy']]);
  });

  test('empty fields and a trailing delimiter', () => {
    expect(parseCsv('a,,b,\n,,,\n')).toEqual([['a', '', 'b', ''], ['', '', '', '']]);
    expect(parseCsv('"a",')).toEqual([['a', '']]);
    expect(parseCsv('"unterminated,1\n2')).toEqual([['unterminated,1\n2']]);
  });

  test('semicolon and tab delimited text', () => {
    expect(parseCsv('a;b\n"1;2";3\n', ';')).toEqual([['a', 'b'], ['1;2', '3']]);
    expect(parseCsv('a\tb\n1,5\t3\n', '\t')).toEqual([['a', 'b'], ['1,5', '3']]);
  });

  test('CR-only text with quotes on every line stays linear', () => {
    const line = '"Acme, Ltd",PR1 2HE,"1,234.56"\r';
    const text = line.repeat(200000);
    const started = performance.now();
    const records = parseCsv(text, ',');
    expect(records).toHaveLength(200000);
    expect(records[199999]).toEqual(['Acme, Ltd', 'PR1 2HE', '1,234.56']);
    // Quadratic scanning would take minutes here; linear takes well under a second.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('detectDelimiter', () => {
  test('finds comma, semicolon and tab; comma when there is nothing to go on', () => {
    expect(detectDelimiter('Supplier,Amount\nAcme,5\nBeta,6\n')).toBe(',');
    expect(detectDelimiter('Supplier;Amount\nAcme;"1,5"\nBeta;6\n')).toBe(';');
    expect(detectDelimiter('Supplier\tAmount\tDate\nAcme, Ltd\t5\t1/4/24\n')).toBe('\t');
    expect(detectDelimiter('just one column\nof text\n')).toBe(',');
  });
});

describe('csvField', () => {
  test('round-trips through parseCsv', () => {
    const values = ['plain', 'a,b', 'say "x"', 'two\nlines', ' padded ', 'semi;colon', ''];
    const line = values.map(csvField).join(',');
    expect(parseCsv(line, ',')).toEqual([values]);
  });
});
