import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found from source (jest) and from dist/ alike. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'nest-cli.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('не найден корень проекта vsoko (nest-cli.json)');
    dir = parent;
  }
  return dir;
}
