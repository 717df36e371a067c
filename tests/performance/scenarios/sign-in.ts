import { defineScenario } from 'soundcheck/load/index.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { castOf, inBatches } from './cast.ts';

/**
 * Sign-in and token refresh. Argon2id makes a login cost tens of milliseconds of CPU by design, so this
 * scenario runs at its own (low) rate and has its own budget. Refresh rotates the refresh token, so each
 * iteration refreshes the pair its own login just got.
 */
export default defineScenario<{ users: SignedInUser[] }>({
  name: 'sign-in',
  executor: { type: 'constant-arrival-rate', rate: 2, duration: '30s', maxVUs: 10 },
  async setup({ http, env }) {
    const { admin } = await castOf(http);
    return {
      users: await inBatches(Number(env.SOUNDCHECK_SIGN_IN_USERS ?? 8), 4, () =>
        signedIn(http, admin, { role: 'label_manager' }),
      ),
    };
  },
  async iteration(ctx, { users }) {
    const user = ctx.pick(users);
    const login = await ctx.http.post<{ refreshToken: string }>('/v1/auth/login', {
      email: user.email,
      password: user.password,
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const refresh = await ctx.http.post('/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    if (refresh.status !== 200) throw new Error(`refresh answered ${refresh.status}`);
  },
  thresholds: { http_req_failed: ['rate<0.01'] },
});
