import { Verdict } from '../verdict';

/**
 * The last check anyone made for a person in this browser, whichever surface made it (the web part, the Teams app or
 * the nudge): small enough to read on every page view. It holds no photo and no profile, only what the nudge needs to
 * decide whether to check again.
 */
export interface IRecentCheck {
  /** Whose check it was: the person key (identity.ts personKey), the Entra object id when known. */
  person: string;
  /** When it was made, ms since 1970. */
  checkedAt: number;
  /** Graph's photo etag at the time; undefined when the person had no photo or Graph gave none. */
  microsoft365Etag: string | undefined;
  /** What it found. */
  verdict: Verdict['kind'];
}

/** Keeps one recent check (the person's own: a new person's check replaces the one before). Storage that fails reads as none. */
export interface IRecentCheckStore {
  recall(): IRecentCheck | undefined;
  remember(check: IRecentCheck): void;
}
