import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';

export interface IManualStepsProps {
  title: string;
  steps: string[];
  note: string;
  colors: Partial<ISemanticColors>;
}

/** The steps from Microsoft's support articles, for when a resync cannot do it. */
export function ManualSteps(props: IManualStepsProps): React.ReactElement {
  const { title, steps, note, colors } = props;
  const classes = mergeStyleSets({
    root: { color: colors.bodyText },
    title: { fontSize: 14, fontWeight: 600, margin: '0 0 4px' },
    list: { margin: 0, paddingLeft: 20, fontSize: 14, lineHeight: '20px' },
    note: { margin: '6px 0 0', fontSize: 12, color: colors.bodySubtext }
  });
  return (
    <section className={classes.root} aria-label={title}>
      <h3 className={classes.title}>{title}</h3>
      <ol className={classes.list}>
        {steps.map((step) => <li key={step}>{step}</li>)}
      </ol>
      <p className={classes.note}>{note}</p>
    </section>
  );
}
