import { ConsoleLogger } from '@nestjs/common';

const READY = 'Nest application successfully started';

/**
 * Nest's console logger without the lines that would mislead an operator at start-up:
 * - "successfully started" is logged when the app is built, before it listens; the service prints
 *   its own "listening" line once the port is bound.
 * - the listen error and the exception handler's stack trace: the service reports a refusal it
 *   understands (busy port, bad key file...) in one line, and anything else with its stack, itself.
 */
export class StartupLogger extends ConsoleLogger {
  private starting = true;

  /** Once the service listens, every line passes as Nest would print it. */
  started(): void {
    this.starting = false;
  }

  override log(message: unknown, ...rest: unknown[]): void {
    if (this.starting && message === READY && rest.at(-1) === 'NestApplication') return;
    super.log(message, ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (!this.starting) return super.error(message, ...rest);
    if (context === 'ExceptionHandler') return;
    if (context === 'NestApplication' && typeof message === 'string' && message.startsWith('Error: listen ')) return;
    super.error(message, ...rest);
  }
}
