/**
 * Prints a dev-mode bearer token for a role, agency and user:
 *   npm run mint-token -- --role business-manager --agency warwickshire-safeguarding --user amrita-sharma
 * Works only with AUTH_MODE=dev (the default outside production), signing with the key pair the
 * service generated in LEDGER_DATA_DIR, so the running service accepts it.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/app-config';
import { mintDevToken } from '../src/auth/mint-token';
import { isRole, ROLES } from '../src/auth/permissions';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      user: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  if (!isRole(values.role) || !values.agency || !values.user) {
    console.error(
      `usage: npm run mint-token -- --role <${ROLES.join('|')}> --agency <partner-id> --user <user-id> [--ttl 8h]`,
    );
    process.exit(2);
  }
  console.log(
    await mintDevToken(loadConfig(), { role: values.role, agency: values.agency, userId: values.user }, values.ttl),
  );
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
