/**
 * SharePoint REST (OData v3) response shaping: the `Accept` header picks the JSON flavour, and errors come in the
 * `odata.error` envelope (docs/dev/platform-facts.md#odata-flavours-and-error-envelopes).
 */

/** @typedef {'nometadata'|'minimalmetadata'|'verbose'} ODataFormat */

/**
 * SPHttpClient asks for `odata=nometadata`, pnpjs sends plain `application/json`, which SharePoint treats as
 * minimal metadata. Without any JSON Accept header the real service answers Atom XML; the emulator answers
 * minimal-metadata JSON instead, since no client of this project asks for XML.
 * @param {import('express').Request} req
 * @returns {ODataFormat}
 */
export function odataFormat(req) {
  const accept = (req.get('accept') ?? '').toLowerCase();
  if (accept.includes('odata=verbose')) return 'verbose';
  if (accept.includes('odata=nometadata')) return 'nometadata';
  return 'minimalmetadata';
}

/**
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {number} status
 * @param {unknown} body already shaped for the request's format
 */
export function sendOData(req, res, status, body) {
  // setHeader and end, not set and send: express would rewrite the Content-Type's parameters in its own order.
  res.status(status);
  res.setHeader('Content-Type', `application/json;odata=${odataFormat(req)};streaming=true;charset=utf-8`);
  res.end(JSON.stringify(body));
}

/** @typedef {{ status: number, code: string, message: string }} SharePointError */

const ACCESS_DENIED =
  'Access denied. You do not have permission to perform this action or access this resource.';

/** Error answers observed from SharePoint Online (codes are "HRESULT, exception type"). */
export const SP_ERRORS = Object.freeze({
  /** @type {SharePointError} No or unknown `emulator-user` cookie: the emulator's stand-in for "not signed in". */
  notSignedIn: { status: 401, code: '-2147024891, System.UnauthorizedAccessException', message: ACCESS_DENIED },
  /** @type {SharePointError} */
  accessDenied: { status: 403, code: '-2147024891, System.UnauthorizedAccessException', message: ACCESS_DENIED },
  /** @type {SharePointError} Missing, unknown or another user's X-RequestDigest. */
  invalidDigest: {
    status: 403,
    code: '-2130575251, Microsoft.SharePoint.SPException',
    message:
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.",
  },
  /** @type {SharePointError} A digest SharePoint issued that has expired (pnp/pnpjs #2186 quotes this answer). */
  timedOutDigest: {
    status: 403,
    code: '-2130575252, Microsoft.SharePoint.SPException',
    message:
      'The security validation for this page has timed out. Click Back in your Web browser, refresh the page, and try your operation again.',
  },
  /** @type {SharePointError} `odata=nometadata` asked for with OData-Version 4.0; the status is observed, the body a guess. */
  notAcceptable: {
    status: 406,
    code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
    message: 'The HTTP header ACCEPT is missing or its value is invalid.',
  },
  /** @type {SharePointError} SetMyProfilePicture with an empty, undecodable or oversized body. */
  invalidParameter: { status: 400, code: '-2147024809, System.ArgumentException', message: 'Parameter is not valid.' },
  /** @type {SharePointError} PictureURL and SPS-Picture* are not user-editable (docs/dev/platform-facts.md#what-a-user-cannot-do). */
  propertyNotEditable: {
    status: 500,
    code: '-1, Microsoft.Office.Server.UserProfiles.PropertyNotEditableException',
    message: 'Property Not Editable: This property can not be modified.',
  },
});

/**
 * @param {string} resource the unknown path segment
 * @returns {SharePointError}
 */
export function resourceNotFound(resource) {
  return {
    status: 404,
    code: '-1, Microsoft.SharePoint.Client.ResourceNotFoundException',
    message: `Cannot find resource for the request ${resource}.`,
  };
}

/**
 * Verbose requests get `{"error":...}`; the JSON light formats get `{"odata.error":...}`.
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {SharePointError} error
 */
export function sendSharePointError(req, res, error) {
  const inner = { code: error.code, message: { lang: 'en-US', value: error.message } };
  sendOData(req, res, error.status, odataFormat(req) === 'verbose' ? { error: inner } : { 'odata.error': inner });
}
