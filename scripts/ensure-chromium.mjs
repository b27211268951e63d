// Makes sure a Chromium exists for the browser tests, installing Debian's package when run as root.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'No Chromium found for the browser tests (looked at $CHROMIUM_PATH, /usr/bin/chromium and chromium on PATH).\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  found = findChromium();
  if (!found) {
    console.error('apt-get finished but no chromium binary was found at /usr/bin/chromium.');
    process.exit(1);
  }
}
console.log(`Browser tests use ${found}`);
