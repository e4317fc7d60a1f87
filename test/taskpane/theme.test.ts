import { luminance, prefersDarkTheme } from '../../src/taskpane/theme';

describe('following the Office theme', () => {
  it.each([
    ['#FFFFFF', false], // Colorful and White
    ['#E6E6E6', false],
    ['#666666', true], // Dark Gray
    ['#262626', true], // the simulator's dark theme
    ['#000000', true], // Black
    ['#fff', false],
  ])('body background %s → dark: %s', (colour, dark) => {
    expect(prefersDarkTheme(colour)).toBe(dark);
  });

  it('stays light when Office gives no usable colour', () => {
    expect(prefersDarkTheme(undefined)).toBe(false);
    expect(prefersDarkTheme('transparent')).toBe(false);
    expect(luminance('#12345')).toBeUndefined();
  });
});
