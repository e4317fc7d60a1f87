/**
 * No module of src/ imports itself, however indirectly: every file can be read, tested and moved
 * from the bottom up. Type-only imports count too, since they tie the files together all the same.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative import names, as TypeScript resolves it (a folder means its index). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((file) => fs.existsSync(file));
}

/** Each file's local imports. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    graph.set(file, importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((target): target is string => target !== undefined));
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string) => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      cycles.push([...onPath.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

describe('imports in src/', () => {
  it('form no cycle', () => {
    const cycles = importCycles(importGraph(sourceFiles(SRC))).map((cycle) => cycle.map((file) => path.relative(SRC, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('are read as TypeScript resolves them, type-only imports and re-exports included', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lsb-cycles-'));
    try {
      fs.writeFileSync(path.join(folder, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      fs.mkdirSync(path.join(folder, 'b'));
      fs.writeFileSync(path.join(folder, 'b', 'index.ts'), "export { c } from '../c';\nexport type B = string;\n");
      fs.writeFileSync(path.join(folder, 'c.ts'), "import type { A } from './a';\nexport const c: A | undefined = undefined;\n");
      const cycles = importCycles(importGraph(sourceFiles(folder)));
      expect(cycles.map((cycle) => cycle.map((file) => path.relative(folder, file)))).toEqual([['a.ts', path.join('b', 'index.ts'), 'c.ts', 'a.ts']]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
