/**
 * Following the Office theme: Office tells the pane its body background colour; a dark
 * background gets Fluent's dark theme, anything else the light one.
 */

/** Relative luminance (WCAG 2) of a "#rrggbb" or "#rgb" colour, or undefined when it is not one. */
export function luminance(colour: string): number | undefined {
  const hex = colour.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when the body background is darker than mid grey; light when unknown. */
export function prefersDarkTheme(bodyBackgroundColor: string | undefined): boolean {
  const value = bodyBackgroundColor === undefined ? undefined : luminance(bodyBackgroundColor);
  // Mid grey (#777) has a luminance of about 0.18: the point where white and black text contrast equally.
  return value !== undefined && value < 0.18;
}
