/**
 * Preloaded with `node --require` into a process that must not use the network: every way Node
 * opens a connection or resolves a name (net, tls, http, https, http2, dgram, dns, fetch) throws,
 * and each attempt is appended to the file named by NO_NETWORK_LOG, so that a test sees it even
 * when the program catches the error and carries on.
 */
const fs = require('fs');

const log = process.env.NO_NETWORK_LOG;

function refuse(what) {
  return function refused(...args) {
    const target = typeof args[0] === 'string' || args[0] instanceof URL ? String(args[0]) : JSON.stringify(args[0] ?? null);
    if (log) fs.appendFileSync(log, `${what} ${target}\n`);
    throw new Error(`network use refused in this test: ${what}`);
  };
}

function block(moduleName, names) {
  const target = require(moduleName);
  for (const name of names) if (typeof target[name] === 'function') target[name] = refuse(`${moduleName}.${name}`);
}

block('net', ['connect', 'createConnection']);
require('net').Socket.prototype.connect = refuse('net.Socket.connect');
block('tls', ['connect']);
block('http', ['request', 'get']);
block('https', ['request', 'get']);
block('http2', ['connect']);
block('dgram', ['createSocket']);
block('dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
const dnsPromises = require('dns').promises;
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dnsPromises[name] = refuse(`dns.promises.${name}`);
globalThis.fetch = refuse('fetch');
