export * from './ProfilePhotoSyncContainer';
