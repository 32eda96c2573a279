import { setFlagsFromString } from 'node:v8';
import { SERVICE_V8_FLAGS } from './service-v8-flags';

// Sets the service's V8 flags on import. Only src/main.ts imports this, as its first import, before
// the memory reducer can have started a collection: set later, in a process that has been running,
// the flag can kill it (service-v8-flags.ts; the dependency rules let nothing else import this).
// The bundle's launcher sets the same before compiling the bundle, so that V8 takes its code cache;
// this serves the unbundled build (node dist/src/main.js), and is a no-op in the bundle.
setFlagsFromString(SERVICE_V8_FLAGS);
