export * from './ProfilePhotoSync';
