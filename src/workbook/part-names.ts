/**
 * Part names inside a package: "/"-separated paths from its root ("xl/worksheets/sheet1.xml"),
 * and the targets of relationships, which are relative to the part that holds them.
 */

/** The folder of a part ("" for a part at the root). */
export function folderOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** A relationship's target, relative to `folder` or absolute from the root, as a part name. */
export function resolveTarget(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith('/') ? target : `${folder}/${target}`).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** The target that names `part` from a part in `folder`. */
export function relativeTarget(folder: string, part: string): string {
  const from = folder === '' ? [] : folder.split('/');
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The part that holds a part's relationships ("" for the package's own). */
export function relationshipsPartOf(part: string): string {
  if (part === '') return '_rels/.rels';
  const folder = folderOf(part);
  return `${folder === '' ? '' : `${folder}/`}_rels/${part.slice(folder === '' ? 0 : folder.length + 1)}.rels`;
}
