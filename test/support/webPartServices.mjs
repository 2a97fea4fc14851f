// Entry of the services bundle that test/support/servicesBundle.mjs builds: the web part's own service classes, its
// transports and its pnpjs set-up, from src/ as they ship.
export * from '../../src/services/sharePointProfileService/SharePointProfileService';
export * from '../../src/services/microsoft365PhotoService/GraphPhotoService';
export * from '../../src/services/transport/SPFxTransports';
export { createSP } from '../../src/services/createSyncController';
export * from '../../src/services/transport/FetchTransport';
