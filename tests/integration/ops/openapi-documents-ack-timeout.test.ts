import { ACK_TIMEOUT_EXTENSION, documentedAckTimeout } from '../../utils/contract/documented-ack-timeout.ts';
import { describe, expect, test as suiteTest } from '../../utils/test.ts';

const test = suiteTest.override({
  appEnvironment: { DELIVERY_ACK_TIMEOUT_MS: '4321', DELIVERY_SWEEP_INTERVAL_MS: '765' },
});

// The black-box ack-timeout journey waits as long as /openapi.json says: a figure that is not the
// configuration would make it wait too little (a false failure) or for a timeout that never comes.
describe('/openapi.json publishes the deployment’s ACK timeout', {
  tags: ['integration', 'ops', 'delivery'],
}, () => {
  test(`info['${ACK_TIMEOUT_EXTENSION}'] carries the configured timeout and how often the sweep checks it`, async ({
    api,
  }) => {
    expect(await documentedAckTimeout(api)).toEqual({ afterMs: 4321, checkedEveryMs: 765 });
  });
});
