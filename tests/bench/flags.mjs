// Command-line flags of the benchmarks that compare builds (playing.mjs, firefox.mjs), read one way.
import { resolve } from 'node:path';

/**
 * Reads `argv` against `defaults`: a flag `--name` whose default is a number takes a positive number
 * after it, one whose default is a boolean stands alone and sets it, and anything not starting with `--`
 * is a build directory, resolved. Calls `usage(problem)`, which exits, on anything else. Returns the
 * defaults with the flags given, and `dirs`.
 */
export function readFlags(argv, defaults, usage) {
  const o = { ...defaults, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name === null) o.dirs.push(resolve(a));
    else if (typeof defaults[name] === 'boolean') o[name] = true;
    else if (typeof defaults[name] === 'number') {
      const v = Number(argv[++i]);
      if (!(v > 0)) usage(`${a} needs a positive number`);
      o[name] = v;
    } else usage(`unknown flag ${a}`);
  }
  return o;
}
