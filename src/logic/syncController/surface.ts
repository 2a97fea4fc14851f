import { canResync } from '../verdict';
import { ISyncState } from './ISyncState';

/**
 * What every surface (the web part, a Teams tab, a top bar) shows of a state, decided here once: a rule decided in a
 * view is a rule the next surface breaks. The controller enforces the same rules (SyncController.resync asks
 * mayResync), so a surface that shows a button too early still cannot upload early.
 */
export interface ISurface {
  /** Both photos are being read. */
  checking: boolean;
  /** An upload or its read-back is under way. */
  resyncing: boolean;
  /** Something runs: nothing else may start. */
  busy: boolean;
  /** Resync is worth showing: it runs, or the photos differ and no resync has settled this check. */
  offersResync: boolean;
  /** When a server that asked for a pause may be sent the upload again (ms since 1970); undefined: no pause asked. */
  retryAt: number | undefined;
}

export function describeSurface(state: ISyncState): ISurface {
  const checking: boolean = state.phase === 'checking';
  const resyncing: boolean = state.phase === 'syncing' || state.phase === 'verifying';
  return {
    checking,
    resyncing,
    busy: checking || resyncing,
    offersResync: resyncing || (canResync(state.verdict) && state.phase !== 'done' && state.phase !== 'checking'),
    retryAt: serverRetryAt(state)
  };
}

/**
 * The "try again after" a throttling server gave for what the state shows: the failed resync's, the unconfirmed
 * resync's read-back's, or the check's.
 */
export function serverRetryAt(state: ISyncState): number | undefined {
  const resync = state.resync;
  if (state.phase === 'failed') {
    return resync && resync.outcome === 'failed' ? resync.retryAt : undefined;
  }
  if (state.phase === 'done') {
    return resync && resync.outcome === 'unconfirmed' ? resync.retryAt : undefined;
  }
  return state.phase === 'ready' && state.verdict && state.verdict.kind === 'cantCheck' ? state.verdict.retryAt : undefined;
}

/**
 * Whether an upload may start now: a verdict that calls for one, no step running, no resync settled on this check
 * (only a new check leads to another upload), and not before the time a throttling server gave.
 */
export function mayResync(state: ISyncState, now: number): boolean {
  const retryAt: number | undefined = serverRetryAt(state);
  return (state.phase === 'ready' || state.phase === 'failed') && canResync(state.verdict) && !(retryAt !== undefined && retryAt > now);
}
