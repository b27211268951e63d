// See scripts/build/worker-chunk.ts: the URL a module worker is started with.
declare module 'virtual:worker-url/*' {
  const url: string;
  export default url;
}
