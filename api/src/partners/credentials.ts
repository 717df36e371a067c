import type { Config } from '../config.ts';
import { createSecretBox } from '../security/secrets.ts';
import type { PartnerRow, SecretField, StoredTransport } from './tables.ts';

export const MASK = '********';

/** The sealing context binds a ciphertext to its row and field: copied elsewhere, it does not open. */
const context = (partnerId: string, field: SecretField | 'callbackSecret') => `partner:${partnerId}:${field}`;

export function partnerSecrets(config: Pick<Config, 'secretsKey'>) {
  const box = createSecretBox(config.secretsKey);
  return {
    seal: (partnerId: string, field: SecretField | 'callbackSecret', plaintext: string) =>
      box.encrypt(plaintext, context(partnerId, field)),
    open: (partner: Pick<PartnerRow, 'id' | 'credentials'>, field: SecretField) => {
      const sealed = partner.credentials[field];
      return sealed ? box.decrypt(sealed, context(partner.id, field)) : undefined;
    },
    callbackSecret: (partner: Pick<PartnerRow, 'id' | 'callbackSecret'>) =>
      box.decrypt(partner.callbackSecret, context(partner.id, 'callbackSecret')),
  };
}

/** The transport as a client sees it: secrets replaced by the mask, never their value or length. */
export function maskedTransport(transport: StoredTransport) {
  if (transport.kind === 's3') return { ...transport, secretAccessKey: MASK };
  const { auth, ...rest } = transport;
  return { ...rest, [auth]: MASK };
}
