// Makes sure Debian's redis-server exists for the server tests (they start their own, on free
// ports in temporary folders), installing the package when run as root, as ensure-chromium does.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const find = () =>
  [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
    '/usr/bin/redis-server',
    '/usr/sbin/redis-server',
  ].find((path) => existsSync(path));

let found = find();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'No redis-server found for the server tests (they start their own Redis).\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y redis-server',
    );
    process.exit(1);
  }
  console.log('No redis-server found: installing Debian\'s "redis-server" package with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
  found = find();
  if (!found) {
    console.error('apt-get finished but no redis-server binary was found.');
    process.exit(1);
  }
}
console.log(`Server tests use ${found}`);
