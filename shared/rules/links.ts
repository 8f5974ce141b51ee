/**
 * Links Quorum will hand to the system browser. Only http(s), and only to hosts on the allow-list
 * (public-sector and reference sites boards cite), so a crafted paper cannot launch anything else.
 * Electron security checklist, item 15: "Do not use shell.openExternal with untrusted content".
 */
export const DEFAULT_ALLOWED_LINK_HOSTS = [
  'gov.uk',
  'legislation.gov.uk',
  'nhs.uk',
  'ofsted.gov.uk',
  'local.gov.uk',
  'nspcc.org.uk',
  'england.nhs.uk',
  'parliament.uk',
] as const;

export type LinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

export const checkExternalLink = (raw: string, allowedHosts: readonly string[] = DEFAULT_ALLOWED_LINK_HOSTS): LinkVerdict => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'This is not a web address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: `Links of type ${url.protocol} are not opened` };
  if (url.username || url.password) return { allowed: false, reason: 'Links carrying a user name or password are not opened' };
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.some((h) => host === h || host.endsWith(`.${h}`)))
    return { allowed: false, reason: `${host} is not on Quorum's list of sites to open` };
  return { allowed: true, url: url.toString() };
};
