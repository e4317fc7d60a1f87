/** `npm stop`: stop the development server `npm start` started, and unregister the sideload. */
import * as fs from 'fs';
import * as path from 'path';
import { devServerFiles, isRunning } from './dev-server-state';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const files = devServerFiles(root);
  const pid = isRunning(files);
  if (pid) {
    // The server was started detached as the leader of its own process group: end the group.
    try {
      process.kill(process.platform === 'win32' ? pid : -pid, 'SIGTERM');
    } catch {
      process.kill(pid, 'SIGTERM');
    }
    fs.rmSync(files.pid, { force: true });
    console.log(`Stopped the development server (process ${pid}).`);
  } else {
    console.log('No development server started by `npm start` is running.');
  }
  if (process.platform === 'win32' || process.platform === 'darwin') {
    try {
      const devSettings = await import('office-addin-dev-settings');
      await devSettings.unregisterAddIn(path.join(root, 'manifest.xml'));
      console.log('Removed the sideloaded add-in from desktop Excel.');
    } catch (error) {
      console.log(`Could not unregister the sideloaded add-in: ${(error as Error).message}`);
    }
  }
}

main().catch((error) => {
  console.error(`npm stop failed: ${(error as Error).message}`);
  process.exit(1);
});
