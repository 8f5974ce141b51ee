import { describe, expect, it } from 'vitest';
import { findBrowser, NO_BROWSER_MESSAGE } from '../../main/services/pdf/browser';
import { browserEnvironment } from '../../main/services/pdf/chromiumPrinter';

describe('the browser a PDF pack is laid out in', () => {
  it('is QUORUM_CHROMIUM when set, and says so when that file is not there', () => {
    expect(findBrowser({ QUORUM_CHROMIUM: '/opt/chromium/chrome' }, 'linux', (p) => p === '/opt/chromium/chrome')).toBe('/opt/chromium/chrome');
    expect(() => findBrowser({ QUORUM_CHROMIUM: '/nowhere/chrome' }, 'linux', () => false)).toThrow(/QUORUM_CHROMIUM is set to \/nowhere\/chrome, which does not exist/);
  });

  it('is found where Chromium, Chrome or Edge install themselves on each platform', () => {
    expect(findBrowser({}, 'linux', (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    // Debian's Chromium itself, not the desktop launcher script in front of it.
    expect(findBrowser({}, 'linux', (p) => p === '/usr/bin/chromium' || p === '/usr/lib/chromium/chromium')).toBe('/usr/lib/chromium/chromium');
    // Chromium's headless shell before Chromium where both are installed: the same printing, lighter.
    expect(findBrowser({}, 'linux', (p) => p.startsWith('/usr/lib/chromium/'))).toBe('/usr/lib/chromium/chromium-headless-shell');
    expect(findBrowser({}, 'darwin', (p) => p.includes('Microsoft Edge'))).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const edge = 'C:\\Program Files (x86)/Microsoft/Edge/Application/msedge.exe';
    expect(findBrowser({ 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'win32', (p) => p.replace(/\\/g, '/') === edge.replace(/\\/g, '/'))).toMatch(/msedge\.exe$/);
  });

  it('names what to install when there is none, and that the Word pack needs none', () => {
    expect(() => findBrowser({}, 'linux', () => false)).toThrow(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).toMatch(/sudo apt install chromium-headless-shell/);
    expect(NO_BROWSER_MESSAGE).toMatch(/The Word pack needs no browser/);
  });

  it('starts without the libraries the caller preloads (faketime’s, for one), keeping the rest of its environment', () => {
    expect(browserEnvironment({ LD_PRELOAD: '/usr/lib/faketime/libfaketime.so.1', FAKETIME: '+430d', FAKETIME_DONT_FAKE_MONOTONIC: '1', PATH: '/usr/bin', HOME: '/home/officer' })).toEqual({ PATH: '/usr/bin', HOME: '/home/officer' });
  });
});
