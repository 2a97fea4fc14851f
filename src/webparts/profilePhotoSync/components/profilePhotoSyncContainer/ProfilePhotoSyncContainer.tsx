import * as React from 'react';
import { SyncController } from '../../../../logic/syncController/SyncController';
import { ISyncState } from '../../../../logic/syncController/ISyncState';
import { IProfilePhotoSyncProps, ProfilePhotoSync } from '../profilePhotoSync';

export interface IProfilePhotoSyncContainerProps extends Omit<IProfilePhotoSyncProps, 'state' | 'onCheck' | 'onResync'> {
  controller: SyncController;
  checkOnLoad: boolean;
}

/** Connects the controller's state to the props-only view; holds no data access of its own. */
export function ProfilePhotoSyncContainer(props: IProfilePhotoSyncContainerProps): React.ReactElement {
  const { controller, checkOnLoad, ...viewProps } = props;
  const [state, setState] = React.useState<ISyncState>(controller.state);

  React.useEffect(() => {
    setState(controller.state);
    const unsubscribe: () => void = controller.subscribe(setState);
    if (checkOnLoad && controller.state.phase === 'notChecked') {
      controller.check().catch(() => undefined);
    }
    return unsubscribe;
  }, [controller]);

  // With check-on-load, the first frame already shows the check as running: no flash of "select Check".
  const shown: ISyncState = checkOnLoad && state.phase === 'notChecked' ? { ...state, phase: 'checking' } : state;

  return (
    <ProfilePhotoSync
      {...viewProps}
      state={shown}
      onCheck={() => { controller.check(true).catch(() => undefined); }}
      onResync={() => { controller.resync().catch(() => undefined); }}
    />
  );
}
