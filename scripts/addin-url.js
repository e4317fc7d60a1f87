/**
 * Where the add-in is served from. The manifest in the repository points at the development
 * server; a production build rewrites every URL in it to ADDIN_URL (e.g. the council's static
 * host), so that all of them share one origin.
 */
const DEV_URL = 'https://localhost:3000';

/** The environment variable that gives it; manifest.xml and the README name it too. */
const ADDIN_URL_VARIABLE = 'ADDIN_URL';

/** The base URL to build for: ADDIN_URL when set (https, no query or fragment), else DEV_URL. */
function addinUrl(value) {
  if (!value) return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${ADDIN_URL_VARIABLE} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`${ADDIN_URL_VARIABLE} must use https (Office loads add-ins only over https): "${value}"`);
  if (url.search || url.hash) throw new Error(`${ADDIN_URL_VARIABLE} must not have a query or fragment: "${value}"`);
  return url.href.replace(/\/+$/, '');
}

/** The manifest with every development URL replaced by `url`; AppDomain takes the origin only. */
function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml
    .replace(/(<AppDomain>)https:\/\/localhost:3000(<\/AppDomain>)/g, `$1${origin}$2`)
    .replace(/https:\/\/localhost:3000/g, url);
}

module.exports = { ADDIN_URL_VARIABLE, DEV_URL, addinUrl, rewriteManifest };
