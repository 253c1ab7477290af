/** Command-line options of `npm run bench:live`, parsed once and recorded in the result. */
export interface BenchOptions {
  clients: number;
  processes: 1 | 2;
  joinRate: number;
  duration: number;
  votes: number;
  submits: number;
  workers: number;
  history: number;
  inputs: number;
  moderation: 'pre' | 'post';
  floor: boolean;
  out: string | null;
  ackTimeout: number;
  idle: number;
  settle: number;
  drain: number;
  seed: number;
  label: string;
  /** Folder for V8 CPU profiles of the server processes (`node --cpu-prof`), or null. */
  cpuProf: string | null;
}

export const DEFAULTS: BenchOptions = {
  clients: 200,
  processes: 1,
  joinRate: 100,
  duration: 60,
  votes: 200,
  submits: 20,
  workers: 2,
  history: 0,
  inputs: 30,
  moderation: 'pre',
  floor: true,
  out: null,
  ackTimeout: 30,
  idle: 5,
  settle: 2,
  drain: 60,
  seed: 1,
  label: '',
  cpuProf: null,
};

export const USAGE = `npm run bench:live -- [options]

  --clients N        simulated phones (default ${DEFAULTS.clients})
  --processes 1|2    server processes; 2 starts redis-server and sets REDIS_URL (default 1)
  --join-rate R      joins per second (default ${DEFAULTS.joinRate})
  --duration S       seconds of load after everyone joined (default ${DEFAULTS.duration})
  --votes R          votes per second (default ${DEFAULTS.votes})
  --submits R        submissions per second (default ${DEFAULTS.submits})
  --workers W        worker threads of the load generator (default ${DEFAULTS.workers})
  --history F        pre-seed F closed forums of realistic size (cached under .bench/)
  --inputs K         published inputs seeded in the live forum (default ${DEFAULTS.inputs};
                     raised automatically when the votes would exhaust them)
  --moderation M     pre | post (default pre)
  --no-floor         skip the bare Socket.IO floor run
  --out FILE.jsonl   append the result line to FILE.jsonl
  --ack-timeout S    seconds before an unanswered ack counts as timed out (default 30)
  --idle S           idle seconds after the joins before memory is read (default 5)
  --settle S         seconds to let counts settle after the load (default 2)
  --drain S          at most S seconds waiting for the database to stop changing (default 60)
  --seed N           random seed of the load (default 1)
  --label TEXT       free text stored in the result line
  --cpu-prof DIR     write a V8 CPU profile of each server process into DIR (open it in
                     Chrome DevTools or speedscope; the figures are then not comparable)

  MONGODB_URI=...    use this MongoDB (a fresh database on it) instead of the embedded one`;

export class UsageError extends Error {}

function num(name: string, raw: string | undefined, min: number, max: number): number {
  const v = Number(raw);
  if (raw === undefined || !Number.isFinite(v) || v < min || v > max) {
    throw new UsageError(`--${name} needs a number between ${min} and ${max}, got "${raw}"`);
  }
  return v;
}

export function parseOptions(argv: string[]): BenchOptions {
  const o: BenchOptions = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--clients':
        o.clients = Math.round(num('clients', value(), 1, 100_000));
        break;
      case '--processes': {
        const p = num('processes', value(), 1, 2);
        o.processes = p === 2 ? 2 : 1;
        break;
      }
      case '--join-rate':
        o.joinRate = num('join-rate', value(), 0.1, 100_000);
        break;
      case '--duration':
        o.duration = num('duration', value(), 1, 3600);
        break;
      case '--votes':
        o.votes = num('votes', value(), 0, 100_000);
        break;
      case '--submits':
        o.submits = num('submits', value(), 0, 10_000);
        break;
      case '--workers':
        o.workers = Math.round(num('workers', value(), 1, 64));
        break;
      case '--history':
        o.history = Math.round(num('history', value(), 0, 100_000));
        break;
      case '--inputs':
        o.inputs = Math.round(num('inputs', value(), 1, 10_000));
        break;
      case '--moderation': {
        const m = value();
        if (m !== 'pre' && m !== 'post') throw new UsageError('--moderation is pre or post');
        o.moderation = m;
        break;
      }
      case '--no-floor':
        o.floor = false;
        break;
      case '--out':
        o.out = value() ?? null;
        if (!o.out) throw new UsageError('--out needs a file name');
        break;
      case '--ack-timeout':
        o.ackTimeout = num('ack-timeout', value(), 1, 600);
        break;
      case '--idle':
        o.idle = num('idle', value(), 0, 600);
        break;
      case '--settle':
        o.settle = num('settle', value(), 0, 600);
        break;
      case '--drain':
        o.drain = num('drain', value(), 0, 3600);
        break;
      case '--seed':
        o.seed = Math.round(num('seed', value(), 0, 2 ** 31));
        break;
      case '--label':
        o.label = value() ?? '';
        break;
      case '--cpu-prof':
        o.cpuProf = value() ?? null;
        if (!o.cpuProf) throw new UsageError('--cpu-prof needs a folder');
        break;
      case '-h':
      case '--help':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  if (o.workers > o.clients) o.workers = o.clients;
  return o;
}
