import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { ISemanticColors } from '@fluentui/react/lib/Styling';

export interface IPhotoCardProps {
  /** Visible label in the person's words, e.g. "Microsoft 365 photo". */
  label: string;
  /** Object URL of the image; undefined while loading or when there is none. */
  imageUrl: string | undefined;
  alt: string;
  /** Said in place of the image when there is no image and nothing is loading. */
  emptyText: string;
  loading: boolean;
  /** Side of the square frame in CSS pixels; reserved while loading so nothing jumps. */
  side: number;
  caption: string | undefined;
  /** Keep a caption line's space while there is no caption yet, so the page does not move when it arrives. */
  reserveCaption: boolean;
  colors: Partial<ISemanticColors>;
}

export function PhotoCard(props: IPhotoCardProps): React.ReactElement {
  const { label, imageUrl, alt, emptyText, loading, side, caption, reserveCaption, colors } = props;
  const classes = mergeStyleSets({
    card: { margin: 0, width: Math.max(side, 152), display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center' },
    frame: {
      width: side,
      height: side,
      borderRadius: '50%',
      overflow: 'hidden',
      background: colors.bodyStandoutBackground,
      border: `1px solid ${colors.bodyDivider}`,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center'
    },
    image: { width: side, height: side, objectFit: 'cover', display: 'block' },
    empty: { color: colors.bodySubtext, fontSize: 12, padding: 8 },
    label: { marginTop: 8, fontWeight: 600, color: colors.bodyText, fontSize: 14 },
    // Two lines: a date caption wraps in a card this narrow.
    caption: { marginTop: 2, color: colors.bodySubtext, fontSize: 12, lineHeight: '16px', minHeight: 32 }
  });

  let content: React.ReactElement | undefined;
  if (imageUrl) {
    content = <img className={classes.image} src={imageUrl} alt={alt} width={side} height={side} />;
  } else if (!loading) {
    content = <span className={classes.empty}>{emptyText}</span>;
  }

  return (
    <figure className={classes.card}>
      <div className={classes.frame} aria-busy={loading && !imageUrl ? true : undefined}>{content}</div>
      <figcaption>
        <div className={classes.label}>{label}</div>
        {caption || reserveCaption ? <div className={classes.caption}>{caption}</div> : undefined}
      </figcaption>
    </figure>
  );
}
