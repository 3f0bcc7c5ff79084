// A worker process the crash-recovery test starts and then kills with SIGKILL.
import { db } from "@/lib/db";
import { startWorker } from "../worker";
import { crashClient, crashFunctions } from "./crash-functions";

startWorker({
  db,
  databaseUrl: process.env.DATABASE_URL!,
  client: crashClient,
  functions: crashFunctions,
  leaseMs: 1000,
  pollMs: 100,
});
console.log("worker started");
