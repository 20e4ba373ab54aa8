import { ICON_SIZES, type IconSize } from './render';

/** A toolbar state: the extension's button as the browser draws it (icon plus badge, if any). */
export interface ToolbarState {
  label: string;
  badgeText: string;
  /** CSS colour, as chrome.action.getBadgeBackgroundColor gives it (rgba). */
  badgeColor: string;
}

/** Chrome's toolbar and frame colours (light and dark themes) the icon must stand out against. */
export const TOOLBAR_THEMES = [
  { name: 'light', toolbar: '#ffffff', frame: '#dee3eb', text: '#1f1f1f' },
  { name: 'dark', toolbar: '#3c3c3c', frame: '#1f1f1f', text: '#e3e3e3' },
] as const;

/** Black or white badge text, whichever contrasts more with the badge (what Chrome does without setBadgeTextColor). */
function badgeTextColor(background: string): string {
  const [r = 0, g = 0, b = 0] = (background.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return (1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05) ? '#ffffff' : '#000000';
}

function button(iconUrl: string, state: ToolbarState): string {
  const badge = state.badgeText
    ? `<span class="badge" style="background:${state.badgeColor};color:${badgeTextColor(state.badgeColor)}">${state.badgeText}</span>`
    : '';
  return `<span class="button"><img src="${iconUrl}" width="16" height="16" alt="">${badge}</span>`;
}

/**
 * One page that shows the icons as a person sees them: every size at 1× and magnified (pixelated) on light
 * and dark toolbars, and, when given, the toolbar states (at 1× and magnified 4×) (the 16 px icon with the badge Chrome draws over
 * its bottom-right corner: a pill of the badge colour, bold 9 px text).
 */
export function previewHtml(iconUrl: (size: IconSize) => string, states: ToolbarState[] = []): string {
  const themes = TOOLBAR_THEMES.map(
    (theme) => `
  <section class="theme" style="background:${theme.frame};color:${theme.text}">
    <h2>${theme.name} theme</h2>
    <div class="sizes" style="background:${theme.toolbar}">
      ${ICON_SIZES.map((size) => `<figure><img src="${iconUrl(size)}" width="${size}" height="${size}" alt=""><img class="zoom" src="${iconUrl(size)}" width="${size * Math.max(1, Math.floor(128 / size))}" alt=""><figcaption>${size} px</figcaption></figure>`).join('')}
    </div>
    ${
      states.length
        ? `<div class="toolbar" style="background:${theme.toolbar}">${states
            .map(
              (state) =>
                `<figure>${button(iconUrl(32), state)}<span class="zoomed">${button(iconUrl(32), state)}</span><figcaption>${state.label}</figcaption></figure>`,
            )
            .join('')}</div>`
        : ''
    }
  </section>`,
  ).join('');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Alumni Lens icons</title><style>
  body { margin: 0; font: 13px system-ui, sans-serif; }
  .theme { padding: 12px 16px; }
  h2 { margin: 0 0 8px; font-size: 13px; font-weight: 600; }
  .sizes, .toolbar { display: flex; gap: 24px; align-items: flex-end; padding: 12px; border-radius: 8px; }
  figure { margin: 0; display: flex; flex-direction: column; align-items: center; gap: 6px; }
  figcaption { font-size: 11px; opacity: 0.8; }
  .zoom { image-rendering: pixelated; }
  .button { position: relative; display: inline-flex; width: 28px; height: 28px; align-items: center; justify-content: center; }
  .button img { width: 16px; height: 16px; }
  .badge { position: absolute; right: 0; bottom: 2px; min-width: 8px; height: 12px; padding: 0 2px; border-radius: 6px;
           font: bold 9px/12px system-ui, sans-serif; text-align: center; }
  .toolbar { align-items: flex-start; }
  .toolbar figure { width: 150px; }
  .zoomed { zoom: 4; }
  .zoomed img { image-rendering: pixelated; }
</style></head><body>${themes}</body></html>`;
}
