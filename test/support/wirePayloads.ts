/**
 * Wire-format answers as SharePoint Online and Microsoft Graph send them (docs/dev/platform-facts.md#3-sharepoint-rest and #4-microsoft-graph-photo-api), for service tests.
 */
export const MY_PROPERTIES_NOMETADATA = {
  AccountName: 'i:0#.f|membership|adele@contoso.com',
  DisplayName: 'Adele Vance',
  Email: 'adele@contoso.com',
  PersonalSiteHostUrl: 'https://contoso-my.sharepoint.com:443/',
  PictureUrl: 'https://contoso-my.sharepoint.com:443/User%20Photos/Profile%20Pictures/adele_contoso_com_MThumb.jpg?t=63871724126',
  UserProfileProperties: [
    { Key: 'PictureURL', Value: 'https://contoso-my.sharepoint.com:443/User%20Photos/Profile%20Pictures/adele_contoso_com_MThumb.jpg', ValueType: 'Edm.String' },
    { Key: 'SPS-PictureTimestamp', Value: '63871724126', ValueType: 'Edm.String' },
    { Key: 'SPS-PicturePlaceholderState', Value: '0', ValueType: 'Edm.String' },
    { Key: 'SPS-PictureExchangeSyncState', Value: '1', ValueType: 'Edm.String' },
    { Key: 'msOnline-ObjectId', Value: '306225cd-94aa-4c5f-9a13-1a2344795973', ValueType: 'Edm.String' }
  ],
  UserUrl: 'https://contoso-my.sharepoint.com:443/Person.aspx?accountname=i%3A0%23%2Ef%7Cmembership%7Cadele%40contoso%2Ecom'
};

export const MY_PROPERTIES_VERBOSE = {
  d: {
    __metadata: { id: 'https://contoso.sharepoint.com/_api/SP.UserProfiles.PeopleManager/GetMyProperties', type: 'SP.UserProfiles.PersonProperties' },
    ...MY_PROPERTIES_NOMETADATA,
    UserProfileProperties: {
      __metadata: { type: 'Collection(SP.KeyValue)' },
      results: MY_PROPERTIES_NOMETADATA.UserProfileProperties.map((p) => ({ __metadata: { type: 'SP.KeyValue' }, ...p }))
    }
  }
};

export const MY_PROPERTIES_PLACEHOLDER = {
  ...MY_PROPERTIES_NOMETADATA,
  PictureUrl: null,
  UserProfileProperties: [
    { Key: 'PictureURL', Value: '', ValueType: 'Edm.String' },
    { Key: 'SPS-PictureTimestamp', Value: '', ValueType: 'Edm.String' },
    { Key: 'SPS-PicturePlaceholderState', Value: '1', ValueType: 'Edm.String' },
    { Key: 'SPS-PictureExchangeSyncState', Value: '0', ValueType: 'Edm.String' }
  ]
};

export const CONTEXT_INFO = {
  FormDigestTimeoutSeconds: 1800,
  FormDigestValue: '0x1A2B3C4D5E6F,22 Nov 2026 10:00:00 -0000',
  LibraryVersion: '16.0.25422.12003',
  SiteFullUrl: 'https://contoso.sharepoint.com',
  WebFullUrl: 'https://contoso.sharepoint.com'
};

export const STALE_DIGEST_ERROR = {
  'odata.error': {
    code: '-2130575251, Microsoft.SharePoint.SPException',
    message: { lang: 'en-US', value: 'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.' }
  }
};

/** An expired digest has its own code (docs/dev/platform-facts.md#contextinfo-and-the-request-digest). */
export const TIMED_OUT_DIGEST_ERROR = {
  'odata.error': {
    code: '-2130575252, Microsoft.SharePoint.SPException',
    message: { lang: 'en-US', value: 'The security validation for this page has timed out. Click Back in your Web browser, refresh the page, and try your operation again.' }
  }
};

export const INVALID_PARAMETER_ERROR = {
  'odata.error': { code: '-2147024809, System.ArgumentException', message: { lang: 'en-US', value: 'Parameter is not valid.' } }
};

export const GRAPH_PHOTO_METADATA = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(\'adele%40contoso.com\')/photo/$entity',
  '@odata.mediaContentType': 'image/jpeg',
  '@odata.mediaEtag': '"BA09D118"',
  id: '648x648',
  width: 648,
  height: 648
};

export function graphPhotoSizes(sides: number[]): { value: Array<{ id: string; width: number; height: number }> } {
  return { value: sides.map((side) => ({ '@odata.mediaEtag': '"BA09D118"', id: `${side}x${side}`, width: side, height: side })) };
}

export const GRAPH_IMAGE_NOT_FOUND = {
  error: {
    code: 'ImageNotFound',
    message: 'Exception of type \'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException\' was thrown.',
    innerError: { date: '2026-11-22T10:00:00', 'request-id': '7c4f0d4e-1b3a-4a5e-9d0e-2f6f3c1a9b10', 'client-request-id': '7c4f0d4e-1b3a-4a5e-9d0e-2f6f3c1a9b10' }
  }
};

/** What the photo API answers a token without the scope (docs/dev/platform-facts.md#authentication-and-permission-errors). */
export const GRAPH_ACCESS_DENIED = {
  error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.', innerError: { date: '2026-11-22T10:00:00' } }
};

export const GRAPH_INVALID_TOKEN = {
  error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.', innerError: { date: '2026-11-22T10:00:00' } }
};

export const GRAPH_THROTTLED = {
  error: { code: 'TooManyRequests', message: 'Too many requests.', innerError: { date: '2026-11-22T10:00:00' } }
};

export const CONSENT_MISSING_TOKEN_ERROR =
  'AADSTS65001: The user or administrator has not consented to use the application with ID \'00000000-0000-0000-0000-000000000000\' ' +
  'named \'SharePoint Online Client Extensibility Web Application Principal\'. Send an interactive authorization request for this user and resource.';
