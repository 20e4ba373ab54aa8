// Regenerates public/icon/{16,32,48,128}.png from the SVG sources in assets/icon/, and writes a preview
// (.tmp/icons/preview.html: each size at 1× and magnified, on light and dark toolbars) to look at.
// Usage: npm run icons
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ICON_SIZES, iconPath, renderIcon } from './icons/render';
import { previewHtml } from './icons/preview';

const previewDir = join(process.cwd(), '.tmp', 'icons');
mkdirSync(previewDir, { recursive: true });
for (const size of ICON_SIZES) {
  const { png } = renderIcon(size);
  mkdirSync(dirname(iconPath(size)), { recursive: true });
  writeFileSync(iconPath(size), png);
  console.log(`${relative(process.cwd(), iconPath(size))}  ${png.length} bytes`);
}
writeFileSync(join(previewDir, 'preview.html'), previewHtml((size) => `file://${iconPath(size)}`));
console.log(`Preview: ${relative(process.cwd(), join(previewDir, 'preview.html'))} (npm run icons:preview takes its screenshot)`);
