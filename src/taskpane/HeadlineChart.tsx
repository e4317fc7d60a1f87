/**
 * Where the money went, as one bar split into local, the rest of the wider area, rest of UK,
 * outside UK and unknown, with a legend that states each share in words (the bar itself is a
 * picture of the legend, so screen readers get the legend).
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatShare } from './format';
import type { ChartSegment, ChartSegmentKey } from './headline';

/** Palette tokens follow the theme, so each colour keeps its contrast in light and dark. */
const COLOURS: Record<ChartSegmentKey, string> = {
  local: tokens.colorPaletteGreenForeground1,
  wider_only: tokens.colorPaletteBlueForeground2,
  rest_of_uk: tokens.colorPaletteDarkOrangeForeground1,
  outside_uk: tokens.colorPaletteRedForeground1,
  unknown: tokens.colorNeutralForeground3,
};

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { width: '100%', height: '20px', display: 'block', borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
  legend: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  entry: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  swatch: { width: '12px', height: '12px', flexShrink: 0, borderRadius: tokens.borderRadiusSmall },
  share: { marginLeft: 'auto', fontVariantNumeric: 'tabular-nums' },
});

export function HeadlineChart({ segments }: { segments: ChartSegment[] }) {
  const styles = useStyles();
  if (segments.length === 0) return null;
  const starts = segments.map((_, i) => segments.slice(0, i).reduce((sum, s) => sum + s.share, 0));
  return (
    <figure className={styles.figure}>
      <Text as="p" weight="semibold" size={200}>
        Where the money went
      </Text>
      <svg className={styles.bar} viewBox="0 0 1000 20" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {segments.map((segment, i) => (
          <rect key={segment.key} x={starts[i] * 1000} y={0} width={segment.share * 1000} height={20} fill={COLOURS[segment.key]} />
        ))}
      </svg>
      <ul className={styles.legend} aria-label="Where the money went">
        {segments.map((segment) => (
          <li key={segment.key} className={styles.entry}>
            <span className={styles.swatch} style={{ backgroundColor: COLOURS[segment.key] }} aria-hidden="true" />
            <Text size={200}>{segment.label}</Text>
            <Text size={200} className={styles.share}>
              {formatShare(segment.share)}
            </Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}
