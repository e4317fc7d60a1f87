/** One numbered step of the journey: a labelled region with its heading. */
import { useId, type ReactNode, type Ref } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0, outlineOffset: '2px' },
});

export interface StepProps {
  number: number;
  title: string;
  /** Given when the pane moves focus to this step (e.g. to the results when they arrive). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

export function Step({ number, title, headingRef, children }: StepProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.step} aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined} className={styles.heading}>
        {number}. {title}
      </h2>
      {children}
    </section>
  );
}
