// How the embedded database's processes are launched: as which user, and tied to our lifetime.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors';

/** The unprivileged account PostgreSQL runs as when the server runs as root. */
export interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
  groups: number[];
}

const SERVICE_USER = 'postgres';

function idOf(flag: string, name: string): string | undefined {
  const r = spawnSync('id', [flag, name], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function lookupUser(name: string): ServiceUser | undefined {
  const uid = idOf('-u', name);
  const gid = idOf('-g', name);
  if (uid === undefined || gid === undefined) return undefined;
  const groups = (idOf('-G', name) ?? gid).split(/\s+/).map(Number);
  return { name, uid: Number(uid), gid: Number(gid), groups };
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root. As root, returns the `postgres` system account, creating it
 * (useradd --system) if the machine has none; otherwise undefined (run as the current user).
 */
export function serviceUser(log: (line: string) => void): ServiceUser | undefined {
  if (!isRoot()) return undefined;
  let user = lookupUser(SERVICE_USER);
  if (!user) {
    log(`[db] creating the system user "${SERVICE_USER}" to run the embedded PostgreSQL`);
    const r = spawnSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        SERVICE_USER,
      ],
      { encoding: 'utf8' },
    );
    user = lookupUser(SERVICE_USER);
    if (!user) {
      throw new DatabaseSetupError(
        [
          `PostgreSQL tidak boleh berjalan sebagai root dan pengguna "${SERVICE_USER}" tidak dapat dibuat.`,
          `PostgreSQL cannot run as root and the user "${SERVICE_USER}" could not be created`,
          `(useradd: ${(r.stderr || r.error?.message || '').trim() || 'failed'}). Either create it`,
          `(\`useradd --system ${SERVICE_USER}\`), run the server as a regular user, or set MONGODB_URI.`,
        ].join('\n'),
      );
    }
  }
  return user;
}

let setprivAvailable: boolean | undefined;
function hasSetpriv(): boolean {
  if (process.platform !== 'linux') return false;
  setprivAvailable ??= spawnSync('setpriv', ['--version']).status === 0;
  return setprivAvailable;
}

export interface Launch {
  command: string;
  args: string[];
  /** For spawn(): only when the user switch cannot be done by setpriv. */
  uid?: number;
  gid?: number;
  /** True when the child receives `deathSignal` as soon as this process ends, however it ends. */
  tiedToParent: boolean;
}

/**
 * The command that runs `bin args` as `user` (or as us) and ties it to this process: on Linux,
 * `setpriv --pdeathsig` makes the kernel signal the child when this process ends, kill -9
 * included. setpriv switches the user first and sets the parent-death signal after (a
 * credential change clears it), then execs `bin`, so the child's pid is `bin`'s pid.
 */
export function launchCommand(
  bin: string,
  args: string[],
  user: ServiceUser | undefined,
  deathSignal: 'SIGKILL' | 'SIGINT' | 'SIGTERM',
): Launch {
  if (hasSetpriv()) {
    const who = user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups'] : [];
    return {
      command: 'setpriv',
      args: [...who, `--pdeathsig=${deathSignal}`, '--', bin, ...args],
      tiedToParent: true,
    };
  }
  return { command: bin, args, uid: user?.uid, gid: user?.gid, tiedToParent: false };
}

/**
 * The first folder on the way to `target` (inclusive) that `user` cannot enter, or undefined.
 * Folders missing yet are skipped (they will be created by us).
 */
export function unreachableFolder(target: string, user: ServiceUser): string | undefined {
  const dirs: string[] = [];
  for (let d = path.resolve(target); ; d = path.dirname(d)) {
    dirs.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const dir of dirs) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      return undefined;
    }
    if (!st.isDirectory()) continue;
    const mode = st.mode;
    const ok =
      st.uid === user.uid
        ? (mode & 0o100) !== 0
        : user.groups.includes(st.gid) || st.gid === user.gid
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0;
    if (!ok) return dir;
  }
  return undefined;
}
