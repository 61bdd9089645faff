// node-fetch 2, grammY's fetch on Node (src/bot/middlewares/observe.ts wraps it to count calls):
// the few members used, as the package ships no types of its own.
declare module "node-fetch" {
  export default function fetch(url: string, init?: object): Promise<{ ok: boolean; status: number }>;
}
