import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { shell, type Session, type WebContents } from 'electron';
import { checkExternalLink } from '../../shared/rules/links';

/** The renderer is served from this origin, never from http or file:// (checklist items 18, 19). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://quorum`;

/**
 * Content Security Policy (checklist item 7). Scripts only from the app's own files. Styles allow
 * inline because Fluent UI (Griffel) injects <style> at run time; no script can be inlined.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Serves the built renderer for `app://quorum/...`, refusing anything outside its folder. */
export const serveRendererFile = async (rendererDir: string, requestUrl: string): Promise<Response> => {
  const url = new URL(requestUrl);
  if (url.host !== 'quorum') return new Response('Not found', { status: 404 });
  const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = normalize(join(rendererDir, path));
  if (!file.startsWith(normalize(rendererDir) + sep)) return new Response('Forbidden', { status: 403 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
};

/** Only links on the allow-list reach the system browser (checklist item 15). */
export const openExternalIfAllowed = (url: string): boolean => {
  const verdict = checkExternalLink(url);
  if (verdict.allowed) void shell.openExternal(verdict.url);
  return verdict.allowed;
};

/** The frame that may call the bridge: the app's own top frame, nothing embedded (checklist item 17). */
export const isTrustedFrame = (frame: { url: string; parent: unknown } | null | undefined, devServerUrl?: string): boolean => {
  if (!frame || frame.parent) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  if (url.origin === APP_ORIGIN || `${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  return Boolean(devServerUrl && url.origin === new URL(devServerUrl).origin);
};

/** Denies every permission (camera, notifications, geolocation…): Quorum needs none (item 5). */
export const hardenSession = (session: Session, devServerUrl?: string): void => {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // No remote content (item 1): only the app's own files (and the dev server in development).
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:') ||
      Boolean(devServerUrl && (details.url.startsWith(devServerUrl) || details.url.startsWith(devServerUrl.replace(/^http/, 'ws'))));
    callback({ cancel: !allowed });
  });
};

/** Navigation, new windows and webviews are refused (checklist items 12, 13, 14). */
export const hardenWebContents = (contents: WebContents): void => {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfAllowed(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
};
