// Preloaded into the Next.js server (`node --import ./scripts/peer-address.mjs`, set by
// scripts/portal.ts and the e2e server): stamps every incoming request with the TCP peer's
// address in a header of our own, overwriting any copy the client sent. Next.js keeps a
// client-sent X-Forwarded-For as it is (base-server.ts `??=`), so without this the socket
// address is lost exactly when a client forges one. Node's documented diagnostics channel
// `http.server.request.start` fires before the server's 'request' handler runs.
import diagnosticsChannel from "node:diagnostics_channel";

const HEADER = "x-portal-peer-address";

diagnosticsChannel.subscribe("http.server.request.start", ({ request, socket }) => {
  request.headers[HEADER] = socket?.remoteAddress ?? "";
});

// lib/http/client-ip.ts trusts the header only in a process where this ran.
globalThis[Symbol.for("privacy-portal.peer-address-stamped")] = true;
