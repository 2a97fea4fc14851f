/**
 * The attribute the web part sets on its element: a page that carries it has the web part's own surface, so the nudge
 * does not check or show anything there (one check per page, one verdict on screen).
 */
export const WEB_PART_MARKER: string = 'data-profile-photo-sync-web-part';
