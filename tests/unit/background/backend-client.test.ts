// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, AuthError, ContractError, createBackendClient, NetworkError, ServerError } from '../../../utils/backend';
import { alumnus } from './support/records';
import { type ScriptedBackend, startScriptedBackend } from './support/scripted-backend';

let backend: ScriptedBackend;
beforeAll(async () => {
  backend = await startScriptedBackend();
});
afterAll(() => backend.close());

const client = (token = 'recruiter-token') => createBackendClient({ apiUrl: backend.url, token });

describe('backend client', () => {
  it('reads /me and a directory page, parsed with the contract', async () => {
    backend.upsert('directory', alumnus('a1'));
    expect((await client().me()).user.role).toBe('recruiter');
    const page = await client().directoryPage({});
    expect(page.alumni.map((a) => a.id)).toEqual(['a1']);
    expect(page.complete).toBe(true);
  });

  it('turns 401 into an AuthError that is not retried', async () => {
    const error = await client('nope').me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(401);
    expect((error as AuthError).retryable).toBe(false);
  });

  it('turns 403 into an AuthError with the server reason', async () => {
    const error = await client('alumni-token').directoryPage({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('Alumni cannot read the directory');
  });

  it('rejects a 2xx answer that breaks the contract', async () => {
    backend.breakPage('directory', 0, { alumni: [{ id: 'x', names: {} }], removed: [], cursor: '9', complete: true });
    const error = await client().directoryPage({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toContain('alumni.0');
  });

  it('gives a 4xx with the server reason as a final ApiError, and 408/429 as retryable', async () => {
    const input = { id: crypto.randomUUID(), alumnusId: 'a1', kind: 'referral' as const, context: {}, occurredAt: new Date().toISOString() };
    backend.failPosts(422, 1, { error: { code: 'invalid', message: 'Unknown alumnus', issues: [{ path: ['alumnusId'], message: 'not found' }] } });
    const refused = await client().postIntroduction(input).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toBe('Unknown alumnus (alumnusId: not found)');
    expect((refused as ApiError).retryable).toBe(false);
    backend.failPosts(429, 1);
    expect(((await client().postIntroduction(input).catch((e: unknown) => e)) as ApiError).retryable).toBe(true);
  });

  it('gives 5xx as a retryable ServerError', async () => {
    backend.failPosts(503, 1);
    const input = { id: crypto.randomUUID(), offerId: 'o1' };
    const error = await client('alumni-token').postInterest(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).retryable).toBe(true);
  });

  it('gives an unreachable backend as a retryable NetworkError', async () => {
    const offline = createBackendClient({ apiUrl: 'http://127.0.0.1:9', token: 't' });
    const error = await offline.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).retryable).toBe(true);
  });
});
