import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkedinAdapter } from '../../../utils/sites/linkedin';
import { waitForAnchors } from '../../../utils/content/wait-for-anchors';

// Lazily rendered sections: wait for an adapter's anchor with a MutationObserver that the page
// run's AbortSignal stops, within a time bound. Uses the test environment's live document.

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function renderLater(html: string, ms: number): void {
  setTimeout(() => document.body.insertAdjacentHTML('beforeend', html), ms);
}

describe('waitForAnchors', () => {
  it('resolves at once when the anchor is already there', async () => {
    document.body.innerHTML = '<main><h1>Sofia</h1></main>';
    await expect(waitForAnchors(document, linkedinAdapter, 'profile', new AbortController().signal, 1000)).resolves.toBe(true);
  });

  it('resolves when the page renders the anchor later', async () => {
    renderLater('<main><div data-view-name="profile-component-entity"></div></main>', 20);
    await expect(waitForAnchors(document, linkedinAdapter, 'profile-details', new AbortController().signal, 2000)).resolves.toBe(true);
  });

  it('gives up after the time bound when the anchor never comes', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    renderLater('<div>something else</div>', 10);
    await expect(waitForAnchors(document, linkedinAdapter, 'search-people', new AbortController().signal, 50)).resolves.toBe(false);
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('rejects with the abort reason when the page run ends first, and stops observing', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const run = new AbortController();
    const waiting = waitForAnchors(document, linkedinAdapter, 'company-people', run.signal, 5000);
    run.abort(new DOMException('page changed', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('rejects at once for a run that is already over', async () => {
    const run = new AbortController();
    run.abort(new DOMException('gone', 'AbortError'));
    await expect(waitForAnchors(document, linkedinAdapter, 'profile', run.signal, 1000)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
