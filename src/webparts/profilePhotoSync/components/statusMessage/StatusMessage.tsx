import * as React from 'react';
import { keyframes, mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';
import { MessageTone } from '../../../../logic/statusMessage';

export interface IStatusMessageProps {
  tone: MessageTone;
  title: string | undefined;
  paragraphs: string[];
  /** A link after the paragraphs, opened in a new tab. */
  link?: { href: string; text: string };
  busy: boolean;
  colors: Partial<ISemanticColors>;
}

const spin: string = keyframes({ from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } });

/**
 * The verdict or progress, in a live region so screen readers hear it change. It can take focus (tabIndex -1) so
 * that focus has somewhere to go when the button that had it disappears.
 */
export const StatusMessage = React.forwardRef<HTMLDivElement, IStatusMessageProps>(function StatusMessage(props, ref): React.ReactElement {
  const { tone, title, paragraphs, link, busy, colors } = props;
  const background: Record<MessageTone, string | undefined> = {
    info: colors.bodyStandoutBackground,
    success: colors.successBackground,
    warning: colors.warningBackground,
    error: colors.errorBackground
  };
  const accent: Record<MessageTone, string | undefined> = {
    info: colors.infoIcon,
    success: colors.successIcon,
    warning: colors.warningIcon,
    error: colors.errorIcon
  };
  const classes = mergeStyleSets({
    root: {
      display: 'flex',
      gap: 10,
      alignItems: 'flex-start',
      padding: '10px 12px',
      // A title and one line: the progress message takes the verdict's usual height, so nothing below it moves.
      minHeight: 64,
      boxSizing: 'border-box',
      background: background[tone],
      color: colors.messageText || colors.bodyText,
      borderLeft: `4px solid ${accent[tone]}`,
      // Under Windows' forced colours the tone's colour is gone; the bar and a frame keep the message apart.
      selectors: { '@media (forced-colors: active)': { borderLeftColor: 'CanvasText', outline: '1px solid CanvasText' } }
    },
    spinner: {
      flex: '0 0 auto',
      width: 16,
      height: 16,
      marginTop: 2,
      borderRadius: '50%',
      border: `2px solid ${colors.bodyDivider}`,
      borderTopColor: colors.primaryButtonBackground,
      animation: `${spin} 1s linear infinite`
    },
    spinnerPlace: { flex: '0 0 auto', width: 20 },
    title: { margin: 0, fontSize: 16, lineHeight: '22px', fontWeight: 600 },
    paragraph: { margin: '2px 0 0', fontSize: 14, lineHeight: '20px' },
    // The message's own text colour keeps its contrast on every tone's background; the underline marks the link.
    link: { color: 'inherit', fontWeight: 600, textDecoration: 'underline', selectors: { ':hover': { textDecorationThickness: 2 } } }
  });

  return (
    <div ref={ref} tabIndex={-1} className={classes.root} role="status" aria-live="polite" aria-busy={busy}>
      {/* The spinner's place stays when it stops, so the words do not move sideways. */}
      <span className={busy ? classes.spinner : classes.spinnerPlace} aria-hidden={true} />
      <div>
        {title ? <p className={classes.title}>{title}</p> : undefined}
        {paragraphs.map((text) => <p key={text} className={classes.paragraph}>{text}</p>)}
        {link ? <p className={classes.paragraph}><a className={classes.link} href={link.href} target="_blank" rel="noopener noreferrer">{link.text}</a></p> : undefined}
      </div>
    </div>
  );
});
