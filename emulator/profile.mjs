/**
 * The body of GetMyProperties (`SP.UserProfiles.PersonProperties`) in the three OData JSON flavours
 * (docs/dev/platform-facts.md#getmyproperties). Real profiles carry about 100 properties; this is a realistic subset with every picture one.
 */
import { pictureFileName } from './state.mjs';

/** @typedef {import('./odata.mjs').ODataFormat} ODataFormat */

/**
 * @param {import('./state.mjs').UserState} user
 * @param {{ siteUrl: string, mySiteHostUrl: string }} urls
 * @param {ODataFormat} format
 * @param {string[]} [select] the `$select` list: only these properties of PersonProperties (names as SharePoint
 *   spells them; unknown names are the caller's to refuse, see personPropertyNames)
 * @returns {object}
 */
export function myPropertiesBody(user, urls, format, select) {
  const sp = user.sharePoint;
  const accountName = `i:0#.f|membership|${user.upn}`;
  const name = pictureFileName(user.upn);
  const hasPicture = sp.placeholderState === 0;
  // PictureURL always names the M thumbnail; `PictureUrl` adds `?t=<timestamp>` so browsers refetch after a change.
  const pictureURL = hasPicture ? `${urls.mySiteHostUrl}/User%20Photos/Profile%20Pictures/${name}_MThumb.jpg` : '';
  const timestamp = sp.timestamp === undefined ? '' : String(sp.timestamp);
  const [firstName, ...rest] = user.displayName.split(' ');
  const personalUrl = `${urls.mySiteHostUrl}/personal/${name}/`;

  /** @type {[string, string][]} */
  const properties = [
    ['UserProfile_GUID', guidFrom(user.objectId)],
    ['SID', `i:0h.f|membership|${user.objectId.replace(/-/g, '').slice(0, 16)}@live.com`],
    ['ADGuid', ''],
    ['AccountName', accountName],
    ['FirstName', firstName],
    ['LastName', rest.join(' ')],
    ['PreferredName', user.displayName],
    ['WorkPhone', ''],
    ['Department', user.department],
    ['Title', user.jobTitle],
    ['SPS-JobTitle', user.jobTitle],
    ['SPS-Department', user.department],
    ['Manager', ''],
    ['AboutMe', ''],
    ['PersonalSpace', `/personal/${name}/`],
    ['PictureURL', pictureURL],
    ['UserName', user.upn],
    ['WorkEmail', user.upn],
    ['CellPhone', ''],
    ['Office', user.office],
    ['SPS-Location', user.office],
    ['SPS-UserPrincipalName', user.upn],
    ['SPS-SipAddress', user.upn],
    ['SPS-ProxyAddresses', `SMTP:${user.upn}`],
    ['SPS-ClaimID', user.upn],
    ['SPS-ClaimProviderID', 'membership'],
    ['SPS-ClaimProviderType', 'Forms'],
    ['SPS-PictureTimestamp', timestamp],
    ['SPS-PicturePlaceholderState', String(sp.placeholderState)],
    ['SPS-PictureExchangeSyncState', String(sp.exchangeSyncState)],
    ['SPS-HideFromAddressLists', 'False'],
    ['msOnline-ObjectId', user.objectId],
  ];
  for (const [key, value] of user.editedProperties) {
    const existing = properties.find(([k]) => k === key);
    if (existing) existing[1] = value;
    else properties.push([key, value]);
  }

  const everything = {
    AccountName: accountName,
    DirectReports: /** @type {string[]} */ ([]),
    DisplayName: user.displayName,
    Email: user.upn,
    ExtendedManagers: /** @type {string[]} */ ([]),
    ExtendedReports: [accountName],
    IsFollowed: false,
    LatestPost: null,
    Peers: /** @type {string[]} */ ([]),
    PersonalSiteHostUrl: `${urls.mySiteHostUrl}/`,
    PersonalUrl: personalUrl,
    PictureUrl: hasPicture ? `${pictureURL}?t=${timestamp}` : null,
    Title: user.jobTitle,
    UserProfileProperties: properties.map(([Key, Value]) => ({ Key, Value, ValueType: 'Edm.String' })),
    UserUrl: `${urls.mySiteHostUrl}/Person.aspx?accountname=${encodeURIComponent(accountName)}`,
  };
  /** @type {Partial<typeof everything>} */
  const person = select === undefined ? everything : Object.fromEntries(
    Object.entries(everything).filter(([key]) => select.some((name) => name.toLowerCase() === key.toLowerCase())),
  );

  const selfUrl = `${urls.siteUrl}/_api/SP.UserProfiles.PeopleManager/GetMyProperties`;
  if (format === 'nometadata') return person;
  if (format === 'minimalmetadata') {
    return {
      // "PersonPropertiess" (double s) is how SharePoint names its entity sets.
      'odata.metadata': `${urls.siteUrl}/_api/$metadata#SP.ApiData.PersonPropertiess/@Element`,
      'odata.type': 'SP.UserProfiles.PersonProperties',
      'odata.id': selfUrl,
      'odata.editLink': 'SP.UserProfiles.PeopleManager/GetMyProperties',
      ...person,
    };
  }
  const strings = (/** @type {string[]} */ results) => ({ __metadata: { type: 'Collection(Edm.String)' }, results });
  /** @type {Record<string, unknown>} */
  const verbose = { ...person };
  for (const key of /** @type {const} */ (['DirectReports', 'ExtendedManagers', 'ExtendedReports', 'Peers'])) {
    if (person[key] !== undefined) verbose[key] = strings(/** @type {string[]} */ (person[key]));
  }
  if (person.UserProfileProperties !== undefined) {
    verbose.UserProfileProperties = {
      __metadata: { type: 'Collection(SP.KeyValue)' },
      results: person.UserProfileProperties.map((p) => ({ __metadata: { type: 'SP.KeyValue' }, ...p })),
    };
  }
  return {
    d: {
      __metadata: { id: selfUrl, uri: selfUrl, type: 'SP.UserProfiles.PersonProperties' },
      ...verbose,
    },
  };
}

/**
 * A stable GUID-shaped id derived from another (the profile's own GUID is not the Entra object id).
 * @param {string} objectId
 * @returns {string}
 */
function guidFrom(objectId) {
  const hex = [...objectId.replace(/-/g, '')].reverse().join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The properties PersonProperties has, for checking a `$select`. */
export const PERSON_PROPERTY_NAMES = Object.freeze([
  'AccountName', 'DirectReports', 'DisplayName', 'Email', 'ExtendedManagers', 'ExtendedReports', 'IsFollowed', 'LatestPost',
  'Peers', 'PersonalSiteHostUrl', 'PersonalUrl', 'PictureUrl', 'Title', 'UserProfileProperties', 'UserUrl',
]);
