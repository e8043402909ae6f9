import type { Responsible } from '@vsoko/domain';
import type { StaffDirectory } from './directory';

export interface ResponsibleMatch {
  /** What the plan says, whitespace collapsed. */
  text: string;
  /** Roles recognised, in the order written; the first one answers for the procedure. */
  roles: string[];
  /** Pieces of the text that no role of the directory explains: reported, never guessed. */
  unknown: string[];
}

interface Compiled {
  code: string;
  re: RegExp;
}

const cache = new WeakMap<StaffDirectory, Compiled[]>();

function compiled(directory: StaffDirectory): Compiled[] {
  let list = cache.get(directory);
  if (!list) {
    list = directory.roles.flatMap((role) =>
      role.patterns.map((p) => ({ code: role.code, re: new RegExp(`^(?:${p})`, 'iu') })),
    );
    cache.set(directory, list);
  }
  return list;
}

const SEPARATOR = /^[\s,;/+]+|^и\s+/iu;

/**
 * Reads «Директор, классный руководитель» or «Заместители директора по УВР, ВР Руководители МО» left to right:
 * at each place the longest pattern of the directory wins; text that none explains is collected as unknown.
 */
export function matchResponsible(raw: string, directory: StaffDirectory): ResponsibleMatch {
  const text = raw.replace(/\s+/g, ' ').trim();
  const roles: string[] = [];
  const unknown: string[] = [];
  let rest = text;
  let stray = '';
  const flush = () => {
    const piece = stray.replace(/^[\s,;.]+|[\s,;.]+$/g, '');
    if (piece) unknown.push(piece);
    stray = '';
  };
  while (rest.length > 0) {
    const sep = SEPARATOR.exec(rest);
    if (sep) {
      if (stray && /[,;]/.test(sep[0])) flush();
      else if (stray) stray += ' ';
      rest = rest.slice(sep[0].length);
      continue;
    }
    let best: { code: string; length: number } | undefined;
    for (const { code, re } of compiled(directory)) {
      const m = re.exec(rest);
      const boundary = m && (m[0].length === rest.length || /[\s,;.)]/.test(rest[m[0].length]));
      if (m && boundary && m[0].length > (best?.length ?? 0)) best = { code, length: m[0].length };
    }
    if (best && stray === '') {
      if (!roles.includes(best.code)) roles.push(best.code);
      rest = rest.slice(best.length).replace(/^\./, '');
    } else if (best) {
      flush();
    } else {
      const word = /^\S+/.exec(rest)![0];
      stray += word;
      rest = rest.slice(word.length);
    }
  }
  flush();
  return { text, roles, unknown };
}

/** The responsible a procedure records: the first recognised role, and the plan's own words as its name. */
export function responsibleOf(match: ResponsibleMatch): Responsible {
  return { ...(match.roles[0] ? { role: match.roles[0] } : {}), name: match.text };
}
