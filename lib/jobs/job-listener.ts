import pg from "pg";
import { JOBS_CHANNEL } from "./event-inbox";

// Wakes the worker as soon as an event is stored (event-inbox.ts sends NOTIFY in the same
// transaction, so the notification arrives once the event is committed). LISTEN needs a
// connection of its own outside Prisma's pool. If it drops, the worker still polls, and the
// listener reconnects.

const RECONNECT_MS = 2_000;

export function listenForJobs(
  databaseUrl: string,
  onWake: () => void,
  log: (line: string) => void,
): { close(): Promise<void> } {
  let current: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  async function connect() {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", onWake);
    client.on("error", (error) => {
      log(`job listener lost its connection (${error.message}); polling until it is back`);
      if (current === client) current = undefined;
      client.end().catch(() => undefined);
      scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      if (closed) return void (await client.end());
      current = client;
      onWake(); // anything sent while we were not listening
    } catch (error) {
      log(`job listener could not LISTEN (${(error as Error).message}); polling until it can`);
      await client.end().catch(() => undefined);
      scheduleReconnect();
    }
  }

  const connecting = connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await connecting;
      await current?.end().catch(() => undefined);
      current = undefined;
    },
  };
}
