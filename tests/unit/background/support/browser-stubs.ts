import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's fakeBrowser leaves permissions, scripting and openOptionsPage unimplemented ("mock it
// yourself"). These are small in-memory versions with the browser's behaviour for what the worker
// uses: granted origins, dynamically registered content scripts, injected scripts, and the options page opening.

export interface BrowserStubs {
  granted: Set<string>;
  registered: Map<string, { id: string; js?: string[]; matches?: string[] }>;
  /** Every scripting.executeScript the worker made, as it was asked. */
  executed: unknown[];
  optionsPageOpened: number;
  /** The toolbar button's popup as the worker last set it (the manifest's until then). */
  popup: string;
  grant(...origins: string[]): Promise<void>;
}

type Listener = () => void;

function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
    trigger: async () => {
      for (const l of listeners) l();
    },
  };
}

export function installBrowserStubs(): BrowserStubs {
  const onAdded = event();
  const onRemoved = event();
  const stubs: BrowserStubs = {
    granted: new Set(),
    registered: new Map(),
    executed: [],
    optionsPageOpened: 0,
    popup: 'popup.html',
    async grant(...origins) {
      for (const origin of origins) stubs.granted.add(origin);
      await onAdded.trigger();
    },
  };
  Object.assign(fakeBrowser, {
    permissions: {
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => stubs.granted.has(o)),
      onAdded,
      onRemoved,
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) =>
        [...stubs.registered.values()].filter((s) => !ids || ids.includes(s.id)),
      registerContentScripts: async (scripts: { id: string }[]) => {
        for (const script of scripts) {
          if (stubs.registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          stubs.registered.set(script.id, structuredClone(script));
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) stubs.registered.delete(id);
      },
      executeScript: async (injection: unknown) => {
        stubs.executed.push(structuredClone(injection));
        return [{ frameId: 0, result: undefined }];
      },
    },
  });
  Object.assign(fakeBrowser.action, {
    setPopup: async ({ popup }: { popup: string }) => {
      stubs.popup = popup;
    },
    getPopup: async () => stubs.popup,
  });
  fakeBrowser.runtime.openOptionsPage = async () => {
    stubs.optionsPageOpened++;
  };
  return stubs;
}
