/**
 * `npm start` serves the task pane with the geography pack beside it, on a fresh clone with
 * nothing built: the development server of webpack.config.js (the one `npm start` runs) answers
 * geo/index.json and the area files with the bytes of the pack that ships in geography/pack.
 */
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { DEFAULT_OUT } from '../../scripts/geo-build';
import configure from '../../webpack.config.js';

jest.setTimeout(240_000);

/** The body of an HTTPS GET from the local server, whose certificate is its own. */
function get(url: string): Promise<{ status: number; type: string; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type']),
            encoding: response.headers['content-encoding'],
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

it('serves geo/index.json and the area files from geography/pack', async () => {
  // webpack-dev-server marks the process as serving when loaded, and the config then reads the
  // certificate npm start generates in the home folder; unmarked, the server makes its own.
  delete process.env.WEBPACK_SERVE;
  const config = (await configure({}, { mode: 'development' })) as webpack.Configuration;
  // A free port on this machine only.
  const server = new WebpackDevServer({ ...config.devServer, host: '127.0.0.1', port: 0, open: false, hot: false, liveReload: false }, webpack({ ...config, stats: 'errors-only', infrastructureLogging: { level: 'error' } }));
  await server.start();
  try {
    const { port } = server.server!.address() as AddressInfo;
    const index = await get(`https://127.0.0.1:${port}/geo/index.json`);
    expect({ status: index.status, type: index.type }).toEqual({ status: 200, type: expect.stringMatching(/^application\/json/) });
    expect(index.body.equals(fs.readFileSync(path.join(DEFAULT_OUT, 'index.json')))).toBe(true);
    const area = await get(`https://127.0.0.1:${port}/geo/postcodes-PR.bin.gz`);
    // A plain binary file, never Content-Encoding: the pane unpacks it itself.
    expect({ status: area.status, encoding: area.encoding }).toEqual({ status: 200, encoding: undefined });
    expect(area.body.equals(fs.readFileSync(path.join(DEFAULT_OUT, 'postcodes-PR.bin.gz')))).toBe(true);
    expect((await get(`https://127.0.0.1:${port}/taskpane.html`)).status).toBe(200);
  } finally {
    await server.stop();
  }
});
