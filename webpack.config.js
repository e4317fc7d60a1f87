/**
 * Builds the task pane, the ribbon command page and the help page into dist/, with the manifest,
 * the icons and the geography pack beside them, and the register pack when one has been built.
 *
 *   npm run build                        production bundle for https://localhost:3000
 *   ADDIN_URL=https://host/path npm run build
 *                                        production bundle whose manifest points at that URL
 */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ADDIN_URL_VARIABLE, DEV_URL, addinUrl, rewriteManifest } = require('./scripts/addin-url');

/** The geography pack that ships with the project, served and deployed as geo/. */
const geoPackDir = path.resolve(__dirname, 'geography', 'pack');
/** A register pack built with `npm run registers:build` (not in git), served and deployed as registers/ when there is one. */
const registerPackDir = path.resolve(__dirname, 'register-pack');
const hasRegisterPack = () => fs.existsSync(path.join(registerPackDir, 'index.json'));

/**
 * Copies the register pack into dist/registers/ once the bundle is written: tens of thousands of
 * small files, copied as they are rather than held in webpack's memory as assets.
 */
class CopyRegisterPack {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CopyRegisterPack', (compilation) => {
      if (hasRegisterPack()) fs.cpSync(registerPackDir, path.join(compilation.outputOptions.path, 'registers'), { recursive: true });
    });
  }
}

module.exports = async (_env, argv) => {
  const production = argv.mode !== 'development';
  const url = addinUrl(process.env[ADDIN_URL_VARIABLE]);

  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'src/taskpane/help.css', to: 'help.css' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => rewriteManifest(content.toString(), url),
    },
  ];
  if (!fs.existsSync(path.join(geoPackDir, 'index.json'))) {
    throw new Error('geography/pack/index.json is missing: restore the geography/pack folder (it ships with the project) or rebuild it with `npm run geo:build -- FILE`.');
  }
  copies.push({ from: 'geography/pack', to: 'geo' });

  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps, even in development: the pages' Content Security Policy has no 'unsafe-eval'.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, use: { loader: 'ts-loader', options: { transpileOnly: true } }, exclude: /node_modules/ },
        // The default rules ship as the readable CSV users can also pass to the CLI.
        { test: /\.csv$/, type: 'asset/source' },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/help.html',
        chunks: [],
      }),
      new CopyWebpackPlugin({ patterns: copies }),
      ...(production ? [new CopyRegisterPack()] : []),
    ],
    performance: { hints: false },
    devServer: {
      port: new URL(DEV_URL).port,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCertificate() },
      static: [{ directory: geoPackDir, publicPath: '/geo' }, ...(hasRegisterPack() ? [{ directory: registerPackDir, publicPath: '/registers' }] : [])],
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

/** The certificate `npm start` generated (office-addin-dev-certs layout), when serving. */
async function devCertificate() {
  if (!process.env.WEBPACK_SERVE) return {};
  const { certificatePaths } = require('./scripts/dev-certificate');
  const paths = certificatePaths();
  return { cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key), ca: fs.readFileSync(paths.ca) };
}
