/**
 * The seeded tenant: one invented user per scenario (docs/dev/contracts.md), with generated portraits.
 * Images are rendered once at start-up; `EmulatorState.reset()` reuses them.
 */
import sharp from 'sharp';
import portraits from './portraits.cjs';
import { sharePointPictureOf } from './images.mjs';
import { createGraphPhoto } from './state.mjs';
import { toSharePointSeconds } from './timestamps.mjs';

/** The tenant's domain: UPNs are `<id>@contoso.example`. */
const TENANT_DOMAIN = 'contoso.example';

/**
 * @typedef {object} SeedDefinition
 * @property {string} id the scenario name
 * @property {string} displayName
 * @property {string} objectId
 * @property {string} jobTitle
 * @property {string} department
 * @property {string} office
 * @property {string | 'large' | undefined} graph portrait of the Microsoft 365 photo; 'large' = renderLargePhoto()
 * @property {string | undefined} sharePoint portrait SharePoint's copy was made from; undefined = placeholder
 * @property {string | undefined} sharePointSince ISO date SharePoint got its copy (SPS-PictureTimestamp)
 * @property {number} [graphSide] side of the Microsoft 365 photo in pixels (default 648)
 * @property {[number, number]} [graphSize] width and height of a Microsoft 365 photo that is not square (and of
 *   SharePoint's older copy)
 * @property {boolean} [photoServiceServesMicrosoft365] userphoto.aspx already serves the Microsoft 365 photo, while
 *   the profile properties and the My Site files keep SharePoint's old copy (MC653734)
 * @property {boolean} [uploadsDisabled] SetMyProfilePicture does not store anything (MC653734)
 * @property {boolean} [consentMissing] the tenant never approved User.Read: the token service refuses with AADSTS65001
 * @property {number} [graphThrottledRequests] how many of the first Graph requests after a reset answer 429
 * @property {boolean} [uploadsRefused] SetMyProfilePicture answers 403 Access denied and changes nothing
 * @property {boolean} [pictureCacheLags] userphoto.aspx serves the previous picture for `staleForMs` after an upload
 * @property {boolean} [graphStoredInEntra] the photo is stored in Entra ID: `/me/photo` says `"id":"default"` and the
 *   sized paths answer 404 (docs/dev/platform-facts.md#photo-metadata)
 */

/** @type {readonly SeedDefinition[]} */
export const SEED_DEFINITIONS = Object.freeze([
  { id: 'in-sync', displayName: 'Amara Okafor', objectId: '3f6c2a9e-1b47-4d0c-9e52-7a18c4b6d301', jobTitle: 'Product Manager', department: 'Product', office: 'Lagos',
    graph: 'amara', sharePoint: 'amara', sharePointSince: '2025-06-02T08:15:00Z' },
  { id: 'out-of-sync', displayName: 'Bogdan Ionescu', objectId: '8d2e41b7-5c90-4f3a-b6e1-29a7f0c45d12', jobTitle: 'Finance Analyst', department: 'Finance', office: 'Bucharest',
    graph: 'bogdan', sharePoint: 'bogdanOld', sharePointSince: '2023-03-14T09:30:00Z' },
  { id: 'placeholder', displayName: 'Chiara Lindqvist', objectId: 'c71a9f03-2e6d-48b5-a4c8-5f1e3d9b7a23', jobTitle: 'UX Designer', department: 'Design', office: 'Stockholm',
    graph: 'chiara', sharePoint: undefined, sharePointSince: undefined },
  { id: 'no-photo', displayName: 'Dmitri Vasko', objectId: '4b8e0d62-9a13-4c7f-8e25-b6d0a1f39c34', jobTitle: 'Site Engineer', department: 'Operations', office: 'Riga',
    graph: undefined, sharePoint: undefined, sharePointSince: undefined },
  { id: 'consent-missing', displayName: 'Elif Demir', objectId: 'e2a5c7d9-6f01-4b38-92ad-1c4e8b7f5a45', jobTitle: 'Legal Counsel', department: 'Legal', office: 'Istanbul',
    graph: 'elif', sharePoint: 'elifOld', sharePointSince: '2022-11-08T14:05:00Z', consentMissing: true },
  { id: 'throttled', displayName: 'Farid Haddad', objectId: '5d9f3b18-a7c2-4e60-b1f4-8e2c6a0d9b56', jobTitle: 'Sales Lead', department: 'Sales', office: 'Beirut',
    graph: 'farid', sharePoint: 'faridOld', sharePointSince: '2023-09-21T07:45:00Z', graphThrottledRequests: 2 },
  { id: 'upload-refused', displayName: 'Greta Kalnina', objectId: 'a94c6e2f-3b85-4d17-9c0a-6f2b8d4e1c67', jobTitle: 'HR Partner', department: 'People', office: 'Riga',
    graph: 'greta', sharePoint: 'gretaOld', sharePointSince: '2024-01-17T11:20:00Z', uploadsRefused: true },
  { id: 'stale', displayName: 'Hugo Marchetti', objectId: '1e7b4d90-c6a3-4f28-8b5e-d3a9f6c20e78', jobTitle: 'Support Engineer', department: 'Support', office: 'Ljubljana',
    graph: 'hugo', sharePoint: 'hugoOld', sharePointSince: '2023-05-30T16:10:00Z', pictureCacheLags: true },
  { id: 'large-photo', displayName: 'Ines Novak', objectId: '6a0f8c35-d2b9-4e71-a6c3-9b5d1e7f4a89', jobTitle: 'Photographer', department: 'Marketing', office: 'Sofia',
    graph: 'large', sharePoint: 'inesOld', sharePointSince: '2024-04-11T10:00:00Z' },
  { id: 'entra-photo', displayName: 'Jonas Berg', objectId: '7c3e9a15-4d82-4b6f-a0e7-2f8d5c1b9e03', jobTitle: 'Facilities Manager', department: 'Operations', office: 'Oslo',
    graph: 'ines', graphSide: 256, graphStoredInEntra: true, sharePoint: 'inesOld', sharePointSince: '2024-02-02T12:00:00Z' },
  { id: 'new-photo-service', displayName: 'Katja Zupan', objectId: 'b5d1f7a3-9e26-4c84-8f0b-3a6e2d9c7f14', jobTitle: 'Editor', department: 'Communications', office: 'Ljubljana',
    graph: 'katja', sharePoint: 'katjaOld', sharePointSince: '2021-09-01T08:00:00Z', photoServiceServesMicrosoft365: true },
  { id: 'uploads-disabled', displayName: 'Luka Petrov', objectId: '0f9a2c64-7b31-4e5d-a8c6-e1d4b7f25a93', jobTitle: 'Buyer', department: 'Procurement', office: 'Sofia',
    graph: 'luka', sharePoint: 'lukaOld', sharePointSince: '2023-02-14T13:30:00Z', uploadsDisabled: true },
  { id: 'portrait-photo', displayName: 'Mira Sandoval', objectId: '3a7d5e91-c2f4-4b08-96ad-5e1f8c3b7d26', jobTitle: 'Architect', department: 'Facilities', office: 'Lisbon',
    graph: 'mira', graphSize: [480, 640], sharePoint: 'miraOld', sharePointSince: '2022-05-19T09:00:00Z' },
  { id: 'landscape-photo', displayName: 'Nils Ekström', objectId: 'd84b1c07-5e69-4a3f-b2d8-7c0e9f6a1b35', jobTitle: 'Pilot', department: 'Travel', office: 'Gothenburg',
    graph: 'nils', graphSize: [640, 480], sharePoint: 'nilsOld', sharePointSince: '2022-08-03T15:45:00Z' },
]);

/**
 * @param {{ largeThumbnailSize: number }} options
 * @returns {Promise<import('./state.mjs').Seed>}
 */
export async function renderSeed({ largeThumbnailSize }) {
  const thumbnailSizes = { S: 48, M: 72, L: largeThumbnailSize };
  // The large photo takes longest to render: start it first so the rest overlaps it.
  /** @type {Map<string, Promise<Buffer>>} portrait name → JPEG, so a portrait used twice is rendered once */
  const rendered = new Map([['large', portraits.renderLargePhoto()]]);
  const render = (/** @type {string} */ name, [width, height] = [648, 648]) => {
    const key = width === 648 && height === 648 ? name : `${name}@${width}x${height}`;
    let jpeg = rendered.get(key);
    if (!jpeg) {
      const spec = portraits.PORTRAITS[name];
      if (!spec) throw new Error(`Unknown portrait '${name}'`);
      jpeg = portraits.renderPortrait(spec, width, height);
      rendered.set(key, jpeg);
    }
    return jpeg;
  };

  const placeholder = renderPlaceholder(thumbnailSizes);
  const users = await Promise.all(
    SEED_DEFINITIONS.map(async (d) => {
      /** @type {[number, number]} */
      const graphSize = d.graphSize ?? [d.graphSide ?? 648, d.graphSide ?? 648];
      const [graphPhoto, picture, servedByPhotoService] = await Promise.all([
        d.graph ? render(d.graph, graphSize).then((jpeg) => createGraphPhoto(jpeg, { storedInEntra: d.graphStoredInEntra === true })) : undefined,
        // A photo that is not square was not square before either.
        d.sharePoint ? render(d.sharePoint, d.graphSize).then((jpeg) => sharePointPictureOf(jpeg, thumbnailSizes)) : undefined,
        d.graph && d.photoServiceServesMicrosoft365 ? render(d.graph, graphSize).then((jpeg) => sharePointPictureOf(jpeg, thumbnailSizes)) : undefined,
      ]);
      return {
        id: d.id,
        upn: `${d.id}@${TENANT_DOMAIN}`,
        displayName: d.displayName,
        objectId: d.objectId,
        jobTitle: d.jobTitle,
        department: d.department,
        office: d.office,
        ...(servedByPhotoService ? { servedByPhotoService } : {}),
        ...(d.uploadsDisabled ? { uploadsDisabled: true } : {}),
        consentMissing: d.consentMissing === true,
        graphThrottledRequests: d.graphThrottledRequests ?? 0,
        uploadsRefused: d.uploadsRefused === true,
        pictureCacheLags: d.pictureCacheLags === true,
        graphPhoto,
        sharePoint: {
          timestamp: d.sharePointSince ? toSharePointSeconds(new Date(d.sharePointSince)) : undefined,
          placeholderState: picture ? 0 : 1,
          exchangeSyncState: 1,
          picture,
        },
      };
    }),
  );
  return { users, placeholder: await placeholder, thumbnailSizes };
}

/**
 * @param {import('./images.mjs').ThumbnailSizes} sizes
 * @returns {Promise<import('./images.mjs').Thumbnails>}
 */
async function renderPlaceholder(sizes) {
  // S and M are square; the large placeholder is 250×150 (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails).
  const [S, M, L] = await Promise.all([
    portraits.renderPlaceholderSilhouette(sizes.S), portraits.renderPlaceholderSilhouette(sizes.M), portraits.renderPlaceholderSilhouette(250, 150),
  ]);
  return { S, M, L };
}
