/**
 * The My Site host origin, which holds SharePoint's thumbnails in `User Photos/Profile Pictures`. It sends no CORS
 * headers, like the real one: a page on the site can show these images but cannot read their pixels.
 */
import express from 'express';
import { signedInUser } from './session.mjs';

const THUMBNAIL = /^\/User(?:%20| )Photos\/Profile(?:%20| )Pictures\/(.+)_([SML])Thumb\.jpg$/i;

/**
 * @param {import('./state.mjs').EmulatorState} state
 * @returns {import('express').Router}
 */
export function mySiteRoutes(state) {
  const router = express.Router();
  router.get(THUMBNAIL, (req, res) => {
    if (!signedInUser(state, req)) return res.status(401).type('text/plain').send('Sign in first: set the emulator-user cookie.');
    const [name, size] = [decodeURIComponent(req.params[0]), /** @type {'S'|'M'|'L'} */ (req.params[1].toUpperCase())];
    const owner = state.findUserByPictureName(name);
    const picture = owner && state.storedSharePointPicture(owner);
    // The files only exist once SharePoint has generated them (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails).
    if (!picture) return res.status(404).type('text/plain').send('File Not Found.');
    res.set('Cache-Control', 'private, max-age=0').type('image/jpeg').send(picture.thumbnails[size]);
  });
  return router;
}
