/** The HTTP port could not be bound: named with host:port and what to do. */
export class PortUnavailableError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly code: string,
  ) {
    super(`Cannot listen on ${host}:${port}: ${PortUnavailableError.advice(code)}`);
  }

  private static advice(code: string): string {
    switch (code) {
      case 'EADDRINUSE':
        return 'the port is already in use (another ledger or program holds it). Stop that process, or set PORT to a free port.';
      case 'EACCES':
        return 'permission denied (ports below 1024 need privileges). Set PORT to 1024 or above.';
      case 'EADDRNOTAVAIL':
      case 'ENOTFOUND':
        return 'HOST is not an address of this machine. Set HOST to one of its addresses (127.0.0.1, or 0.0.0.0 for all).';
      default:
        return `${code}. Check PORT and HOST.`;
    }
  }
}

/** Listen errors carry an errno code; anything else is not a port problem and is rethrown as is. */
export function listenFailure(err: unknown, host: string, port: number): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('E') ? new PortUnavailableError(host, port, code) : (err as Error);
}
