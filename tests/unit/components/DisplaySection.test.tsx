import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { act } from 'preact/test-utils';
import { DisplaySection } from '../../../components/Options/DisplaySection';
import type { OptionsPlatform } from '../../../components/Options/platform';
import { readDisplayPolicy, readSettings, type Settings, updateSettings } from '../../../utils/config';
import { renderUi } from './render';

// The options page's choice of where cards appear, through the real settings module on WXT's fake storage.

const platform = {
  readSettings: () => readSettings(),
  updateSettings,
  readDisplayPolicy: () => readDisplayPolicy(),
} as unknown as OptionsPlatform;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  document.body.innerHTML = '';
});

async function renderSection(lang: 'en' | 'ja' = 'en') {
  let settings: Settings = await readSettings();
  const view = await renderUi(<DisplaySection platform={platform} settings={settings} onChange={(next) => (settings = next)} />, { strings: 'app', lang });
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  const radio = (mode: string) => view.container.querySelector<HTMLInputElement>(`input[type="radio"][value="${mode}"]`)!;
  return { ...view, radio, settings: () => settings };
}

describe('Where cards appear (options page)', () => {
  it('starts in the page; choosing the side panel saves it', async () => {
    const { radio, text } = await renderSection();
    expect(text()).toContain('Where cards appear');
    expect(radio('in-page').checked).toBe(true);
    expect(radio('side-panel').labels?.[0]?.textContent).toContain('In the browser’s side panel');
    // Each choice is described to screen readers by its help text.
    expect(document.getElementById(radio('side-panel').getAttribute('aria-describedby')!)?.textContent).toContain('Nothing at all is added');
    await act(async () => {
      radio('side-panel').click();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect((await readSettings()).display).toBe('side-panel');
  });

  it("shows the policy's choice, locked", async () => {
    await fakeBrowser.storage.managed.set({ display: 'side-panel' });
    const { container, radio, text } = await renderSection();
    expect(radio('side-panel').checked).toBe(true);
    expect(container.querySelector('fieldset')?.disabled).toBe(true);
    expect(text()).toContain('Set by your organisation’s policy');
  });

  it('reads in Japanese', async () => {
    const { text } = await renderSection('ja');
    expect(text()).toContain('カードの表示場所');
    expect(text()).toContain('ブラウザのサイドパネル');
  });
});
