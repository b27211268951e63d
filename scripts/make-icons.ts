/**
 * `npx tsx scripts/make-icons.ts`: draws the PNG app icons in public/icons/ from public/favicon.svg
 * with the browser the tests already use. Run it after changing the SVG and commit the PNGs; the
 * build only copies them. Installable web apps need 192 and 512 px PNGs; the maskable one keeps the
 * mark inside the safe circle that Android crops to, on a full-bleed background.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const BRAND = '#2852c6';

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  // iOS home screen: opaque, and iOS rounds the corners itself.
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
mkdirSync('public/icons', { recursive: true });
for (const icon of ICONS) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  // Maskable: the mark at 72% sits inside the 80% safe zone; the background fills every corner.
  const mark = icon.maskable ? Math.round(icon.size * 0.72) : icon.size;
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px;background:${icon.maskable ? BRAND : 'transparent'}">` +
      svg.replace('<svg ', `<svg width="${mark}" height="${mark}" `) +
      '</body>',
  );
  await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: !icon.maskable });
  await page.close();
  console.log(`wrote public/icons/${icon.file}`);
}
await browser.close();
