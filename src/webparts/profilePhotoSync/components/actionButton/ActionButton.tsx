import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';

export interface IActionButtonProps {
  text: string;
  /** Text while busy, e.g. "Resyncing…". */
  busyText?: string;
  busy: boolean;
  disabled?: boolean;
  primary: boolean;
  onClick: () => void;
  colors: Partial<ISemanticColors>;
}

/**
 * A native button in the theme's colours: Fluent UI's Button would add tens of kilobytes to a web part that sits
 * on home pages. Busy or disabled means aria-disabled, not the disabled attribute, so that a keyboard user's focus
 * stays on the button while it works; clicks then never reach the handler.
 */
export function ActionButton(props: IActionButtonProps): React.ReactElement {
  const { text, busyText, busy, disabled, primary, onClick, colors } = props;
  const inactive: boolean = busy || disabled === true;
  const classes = mergeStyleSets({
    button: {
      minWidth: 96,
      height: 32,
      padding: '0 16px',
      borderRadius: 2,
      fontSize: 14,
      fontWeight: 600,
      fontFamily: 'inherit',
      cursor: inactive ? 'default' : 'pointer',
      // An unavailable button keeps an outline in its text colour: on a theme whose disabled background is the page's
      // (Teams' high contrast), a border in that background would leave only floating text.
      border: `1px solid ${inactive ? colors.buttonTextDisabled : primary ? colors.primaryButtonBorder || colors.primaryButtonBackground : colors.buttonBorder}`,
      background: inactive ? colors.buttonBackgroundDisabled : primary ? colors.primaryButtonBackground : colors.buttonBackground,
      color: inactive ? colors.buttonTextDisabled : primary ? colors.primaryButtonText : colors.buttonText,
      selectors: {
        ':hover': inactive ? {} : { background: primary ? colors.primaryButtonBackgroundHovered : colors.buttonBackgroundHovered },
        ':focus-visible': { outline: `2px solid ${colors.focusBorder || colors.bodyText}`, outlineOffset: 2 },
        // Windows' forced colours replace the theme's, and the browser would draw every button alike: in Windows' own
        // colours, GrayText is what "unavailable" looks like.
        '@media (forced-colors: active)': {
          forcedColorAdjust: 'none',
          background: 'ButtonFace',
          color: inactive ? 'GrayText' : 'ButtonText',
          borderColor: inactive ? 'GrayText' : 'ButtonText',
          // The theme's hover colour would show behind ButtonText: Windows' colours stay on hover too.
          selectors: { ':hover': { background: 'ButtonFace' }, ':focus-visible': { outlineColor: 'Highlight' } }
        }
      }
    }
  });
  return (
    <button
      type="button"
      className={classes.button}
      aria-disabled={inactive}
      aria-busy={busy}
      onClick={() => { if (!inactive) { onClick(); } }}
    >
      {busy && busyText ? busyText : text}
    </button>
  );
}
