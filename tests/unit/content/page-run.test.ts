import { describe, expect, it, vi } from 'vitest';
import { findAdapter } from '../../../utils/sites/index';
import { pageKeyOf as pageKeyWith } from '../../../utils/content/page-key';
import { createPageRunner } from '../../../utils/content/page-run';

// The content runtime's page key, here with the registry's resolver (every adapter).
const pageKeyOf = (url: URL) => pageKeyWith(findAdapter, url);

// Single-page-app navigation: a new page aborts the old run; the same page reported again (other
// host, query, trailing slash, an overlay) is not extracted twice; the content script's lifetime ends every run.

describe('pageKeyOf', () => {
  it('gives one key for every spelling of the same profile', () => {
    const spellings = [
      'https://www.linkedin.com/in/sofia-andersson-reyes/',
      'https://se.linkedin.com/in/sofia-andersson-reyes',
      'https://www.linkedin.com/in/Sofia-Andersson-Reyes?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAA',
      'https://www.linkedin.com/in/sofia-andersson-reyes/overlay/contact-info/',
    ];
    expect(new Set(spellings.map((url) => pageKeyOf(new URL(url)))).size).toBe(1);
  });

  it('tells different pages apart, and has no key for pages no adapter reads', () => {
    const keys = [
      'https://www.linkedin.com/in/sofia-andersson-reyes/',
      'https://www.linkedin.com/in/sofia-andersson-reyes/details/experience/',
      'https://www.linkedin.com/in/arjun-mehta-4f8a21/',
      'https://www.linkedin.com/search/results/people/?keywords=a',
      'https://www.linkedin.com/search/results/people/?keywords=b',
    ].map((url) => pageKeyOf(new URL(url)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(pageKeyOf(new URL('https://www.linkedin.com/feed/'))).toBeUndefined();
  });
});

describe('createPageRunner', () => {
  function recorder() {
    const runs: { url: string; signal: AbortSignal }[] = [];
    const runner = createPageRunner({ keyOf: pageKeyOf, run: (url, signal) => void runs.push({ url: url.href, signal }) });
    return { runs, runner };
  }

  it('extracts the same profile once however often the URL is reported', () => {
    const { runs, runner } = recorder();
    expect(runner.navigate(new URL('https://www.linkedin.com/in/sofia-andersson-reyes/'))).toBe(true);
    expect(runner.navigate(new URL('https://www.linkedin.com/in/sofia-andersson-reyes/?miniProfileUrn=x'))).toBe(false);
    expect(runner.navigate(new URL('https://se.linkedin.com/in/sofia-andersson-reyes'))).toBe(false);
    expect(runs).toHaveLength(1);
    expect(runs[0].signal.aborted).toBe(false);
  });

  it('aborts the old run when a new page starts, and runs the new one', () => {
    const { runs, runner } = recorder();
    runner.navigate(new URL('https://www.linkedin.com/in/sofia-andersson-reyes/'));
    runner.navigate(new URL('https://www.linkedin.com/in/arjun-mehta-4f8a21/'));
    expect(runs.map((run) => run.signal.aborted)).toEqual([true, false]);
    expect(runner.currentKey).toBe(pageKeyOf(new URL('https://www.linkedin.com/in/arjun-mehta-4f8a21/')));
  });

  it('going back to a page reads it again (its content may have changed)', () => {
    const { runs, runner } = recorder();
    for (const url of ['https://www.linkedin.com/in/a/', 'https://www.linkedin.com/in/b/', 'https://www.linkedin.com/in/a/']) runner.navigate(new URL(url));
    expect(runs).toHaveLength(3);
  });

  it('stops the current run on a page no adapter reads', () => {
    const { runs, runner } = recorder();
    runner.navigate(new URL('https://www.linkedin.com/in/a/'));
    expect(runner.navigate(new URL('https://www.linkedin.com/feed/'))).toBe(false);
    expect(runs[0].signal.aborted).toBe(true);
    expect(runner.currentKey).toBeUndefined();
  });

  it('ends every run with the content script, and starts none after', () => {
    const lifetime = new AbortController();
    const runs: AbortSignal[] = [];
    const runner = createPageRunner({ keyOf: pageKeyOf, run: (_url, signal) => void runs.push(signal), signal: lifetime.signal });
    runner.navigate(new URL('https://www.linkedin.com/in/a/'));
    lifetime.abort();
    expect(runs[0].aborted).toBe(true);
    expect(runner.navigate(new URL('https://www.linkedin.com/in/b/'))).toBe(false);
    expect(runs).toHaveLength(1);
  });

  it('reports failures of a run but not its abort', async () => {
    const onError = vi.fn();
    const runner = createPageRunner({
      keyOf: pageKeyOf,
      run: async (url, signal) => {
        await Promise.resolve();
        if (url.pathname.includes('broken')) throw new Error('layout changed');
        signal.throwIfAborted();
      },
      onError,
    });
    runner.navigate(new URL('https://www.linkedin.com/in/broken/'));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0][0]).toEqual(new Error('layout changed'));
    runner.navigate(new URL('https://www.linkedin.com/in/fine/'));
    runner.navigate(new URL('https://www.linkedin.com/in/next/'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
