/**
 * Who the page belongs to, and whether an answer from SharePoint or Graph speaks for the same person. Pure: the web
 * part fills IPerson from SPFx's page context (pageContext.user.loginName, pageContext.aadInfo.userId).
 */
export interface IPerson {
  /** A UPN ("adele@contoso.com", as SPFx gives it online) or a claims login ending with one ("i:0#.f|membership|…"). */
  loginName: string;
  /** The Entra ID object id, when known. */
  objectId?: string;
}

/** The UPN in a login name: the last part of a claims login, lower-cased (UPNs compare case-insensitively). */
export function upnOf(loginName: string): string {
  const parts: string[] = loginName.split('|');
  return (parts[parts.length - 1] || '').trim().toLowerCase();
}

/**
 * True when both name the same person. Object ids decide when both sides have one (a UPN can be renamed while the
 * id stays); otherwise the UPNs must match. Missing or empty identities never match.
 */
export function isSamePerson(expected: IPerson, candidate: IPerson): boolean {
  const expectedId: string = (expected.objectId || '').trim().toLowerCase();
  const candidateId: string = (candidate.objectId || '').trim().toLowerCase();
  if (expectedId && candidateId) {
    return expectedId === candidateId;
  }
  const expectedUpn: string = upnOf(expected.loginName);
  return expectedUpn !== '' && expectedUpn === upnOf(candidate.loginName);
}

/**
 * One key per person for what a browser keeps: the Entra object id when known (it stays when a UPN is renamed),
 * otherwise the UPN.
 */
export function personKey(person: IPerson): string {
  const objectId: string = (person.objectId || '').trim().toLowerCase();
  return objectId || upnOf(person.loginName);
}
