// Holds a data directory's lock in a child process until killed: the parent proves the lock goes
// with the process (SIGKILL included). argv: <data dir>. Prints "locked" once it holds the lock.
'use strict';
require('../../read-models/support/swc-register');
const { DataDirLock } = require('../../../src/shared/data-dir-lock.ts');

DataDirLock.acquire(process.argv[2]);
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
