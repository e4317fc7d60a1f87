/**
 * The development server's HTTPS certificate. `office-addin-dev-certs install` would also trust
 * its CA, which needs `sudo` on Linux; generating is enough to serve, and `npm start` says how to
 * trust the CA where that is wanted.
 */
const fs = require('fs');
const crypto = require('crypto');
const devCerts = require('office-addin-dev-certs');
const defaults = require('office-addin-dev-certs/lib/defaults');

function certificatePaths() {
  return { ca: defaults.caCertificatePath, cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath };
}

/** Generates the CA and localhost certificate unless a valid one for a few more days exists. */
async function ensureDevCertificate() {
  const paths = certificatePaths();
  if (fs.existsSync(paths.cert) && fs.existsSync(paths.key) && fs.existsSync(paths.ca)) {
    const cert = new crypto.X509Certificate(fs.readFileSync(paths.cert));
    const daysLeft = (Date.parse(cert.validTo) - Date.now()) / 86400000;
    if (daysLeft > 2) return { ...paths, generated: false };
  }
  await devCerts.generateCertificates(paths.ca, paths.cert, paths.key);
  return { ...paths, generated: true };
}

module.exports = { certificatePaths, ensureDevCertificate };
