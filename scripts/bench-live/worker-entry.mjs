// Worker threads do not inherit the tsx loader of the load generator: register it, then run
// the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
