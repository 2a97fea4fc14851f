import { ISharePointProfile } from '../../models/ISharePointProfile';

/**
 * Parsers for SharePoint's REST answers. They accept odata=nometadata (flat), minimalmetadata (flat with odata.*
 * keys) and odata=verbose ({"d": {...}} with collections under "results"), because which one arrives depends on
 * the client and the tenant.
 */

interface IKeyValue {
  Key?: string;
  Value?: string;
}

type Json = Record<string, unknown>;

function unwrapVerbose(body: unknown): Json | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const record: Json = body as Json;
  return typeof record.d === 'object' && record.d !== null ? (record.d as Json) : record;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function parseMyProperties(body: unknown, toDate: (timestamp: string | undefined) => Date | undefined): ISharePointProfile | undefined {
  const root: Json | undefined = unwrapVerbose(body);
  if (!root || typeof root.AccountName !== 'string') {
    return undefined;
  }
  const rawProperties: unknown = root.UserProfileProperties;
  const list: unknown = Array.isArray(rawProperties)
    ? rawProperties
    : rawProperties && typeof rawProperties === 'object' ? (rawProperties as Json).results : undefined;
  const properties: Record<string, string> = {};
  if (Array.isArray(list)) {
    for (const entry of list as IKeyValue[]) {
      if (entry && typeof entry.Key === 'string') {
        properties[entry.Key] = typeof entry.Value === 'string' ? entry.Value : '';
      }
    }
  }

  const pictureUrl: string | undefined = asString(root.PictureUrl) || undefined;
  const storedUrl: string | undefined = properties.PictureURL || pictureUrl;
  const timestamp: string | undefined = properties['SPS-PictureTimestamp'] || timestampFromUrl(pictureUrl);
  const placeholderState: string | undefined = properties['SPS-PicturePlaceholderState'];
  const syncState: string | undefined = properties['SPS-PictureExchangeSyncState'];
  return {
    accountName: root.AccountName,
    objectId: properties['msOnline-ObjectId'] || undefined,
    email: asString(root.Email) || properties.WorkEmail || '',
    displayName: asString(root.DisplayName) || '',
    pictureUrl,
    pictureTimestamp: timestamp || undefined,
    pictureChangedAt: toDate(timestamp),
    // Placeholder state 0 is a real picture, 1 a placeholder; other values are undocumented, so treat them as
    // placeholder too (an empty value says nothing either way). No stored URL means no picture whatever the state.
    isPlaceholder: !storedUrl || (placeholderState !== undefined && placeholderState !== '' && placeholderState !== '0'),
    pullsFromMicrosoft365: syncState === undefined || syncState === '' ? undefined : syncState !== '0'
  };
}

/** The answer to GetMyProperties?$select=AccountName,PictureUrl (PictureUrl is null without a picture). */
export function parsePictureVersion(body: unknown): { accountName: string; pictureUrl: string | undefined } | undefined {
  const root: Json | undefined = unwrapVerbose(body);
  if (!root || typeof root.AccountName !== 'string') {
    return undefined;
  }
  return { accountName: root.AccountName, pictureUrl: asString(root.PictureUrl) || undefined };
}

function timestampFromUrl(url: string | undefined): string | undefined {
  const match: RegExpMatchArray | null = url ? url.match(/[?&]t=(\d+)/) : null;
  return match ? match[1] : undefined;
}

export function parseContextInfo(body: unknown): { value: string; timeoutSeconds: number } | undefined {
  const root: Json | undefined = unwrapVerbose(body);
  const info: Json | undefined = root && typeof root.GetContextWebInformation === 'object'
    ? (root.GetContextWebInformation as Json)
    : root;
  if (!info || typeof info.FormDigestValue !== 'string') {
    return undefined;
  }
  const timeout: number = typeof info.FormDigestTimeoutSeconds === 'number' ? info.FormDigestTimeoutSeconds : 1800;
  return { value: info.FormDigestValue, timeoutSeconds: timeout };
}
