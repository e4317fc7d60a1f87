/** About the add-in: privacy in one line, help, and the attribution the ONS data requires. */
import { Link, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { Geography } from './use-geography';

const OGL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

const useStyles = makeStyles({
  about: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
  },
});

export function AboutSection({ geography }: { geography: Geography }) {
  const styles = useStyles();
  const release = geography.status === 'ready' ? geography.pack.release : 'ONS National Statistics Postcode Lookup';
  return (
    <footer className={styles.about} aria-labelledby="about-heading">
      <Subtitle2 as="h2" id="about-heading">
        About
      </Subtitle2>
      <Text size={200}>
        Your data stays in your workbook: nothing is sent anywhere unless you turn on online postcode lookup, and then only postcodes. No
        telemetry.{' '}
        <Link href="help.html" target="_blank" rel="noopener">
          Help
        </Link>
      </Text>
      <Text size={200}>
        Postcode and local authority data: Office for National Statistics, {release}, licensed under the{' '}
        <Link href={OGL} target="_blank" rel="noopener noreferrer">
          Open Government Licence v3.0
        </Link>
        . Contains OS data © Crown copyright and database right; contains Royal Mail data © Royal Mail copyright and database right; contains
        National Statistics data © Crown copyright and database right. Local authority details from mySociety (CC BY 4.0).
      </Text>
    </footer>
  );
}
