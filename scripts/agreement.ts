/**
 * `npm run agreement [-- NAME…] [--details] [--shared FOLDER]`: runs each council's real file
 * through the command as a user would and prints how far its verdicts agree with a
 * practitioner's labels, and the share of spend left to review (see label-agreement.ts).
 * `--details` lists the largest disagreements; `--shared` names the shared folder (default:
 * ../shared beside the project).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COUNCILS, describeAgreement, measureCouncil } from './label-agreement';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const details = args.includes('--details');
  const sharedAt = args.indexOf('--shared');
  const sharedDir = sharedAt >= 0 ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[sharedAt + 1]) : path.resolve(__dirname, '..', '..', 'shared');
  const names = args.filter((arg, i) => !arg.startsWith('--') && (sharedAt < 0 || i !== sharedAt + 1));
  if (!fs.existsSync(path.join(sharedDir, 'data', 'labels'))) throw new Error(`No labels in ${sharedDir}: name the shared folder with --shared.`);
  const councils = COUNCILS.filter((council) => names.length === 0 || names.some((name) => council.name.toLowerCase().includes(name.toLowerCase())));
  for (const council of councils) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lsb-agreement-'));
    try {
      const { run, agreement } = await measureCouncil(council, sharedDir, folder);
      console.log(describeAgreement(council, agreement));
      const columns = Object.entries(run.columns).filter(([, header]) => header !== null);
      console.log(`  columns: ${columns.map(([field, header]) => `${field} "${header}"`).join(', ')}`);
      if (details) for (const miss of agreement.disagreements) console.log(`  ${(miss.share * 100).toFixed(2).padStart(6)}%  ${miss.what}`);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
