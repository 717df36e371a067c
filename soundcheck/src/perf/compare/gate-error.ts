/** A comparison that cannot go on (a bad ref, a tree that does not install, an API that does not start): one line, exit 2. */
export class GateSetupError extends Error {
  override name = 'GateSetupError';
}
