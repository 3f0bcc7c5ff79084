-- The audit chain (lib/audit/append.ts) serialises every append on one lock, held until the
-- appending transaction ends, so that each event sees the true previous hash and ids follow the
-- chain. Taken by the application (lock, read the head, insert, then the rest of the transaction),
-- the lock was held across round trips to a busy Node process while every other audited change
-- in the portal waited: under a burst of requests that queue was most of each request's time.
-- Now the lock is only ever held inside the database.

-- CreateTable
CREATE TABLE "AuditEventPending" (
    "id" BIGSERIAL NOT NULL,
    "event" JSONB NOT NULL,

    CONSTRAINT "AuditEventPending_pkey" PRIMARY KEY ("id")
);

-- Appends events to the chain, in order, in one call: takes the chain lock, reads the head and
-- inserts each event. The hash is the one lib/audit/hash.ts computes and verifies: sha256 of the
-- JSON array [prevHash, createdAt, actor…, metadata]; the client sends that array's text after
-- its first element ("chain"), and prevHash is 64 hex digits, which JSON writes as they are.
CREATE FUNCTION "audit_event_append"(events jsonb) RETURNS SETOF "AuditEvent" AS $$
DECLARE
  event jsonb;
  previous text;
  appended "AuditEvent";
BEGIN
  PERFORM pg_advisory_xact_lock(41720931);
  -- A new statement after the lock: its snapshot sees what the previous holder committed.
  SELECT "hash" INTO previous FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  FOR event IN SELECT e.value FROM jsonb_array_elements(events) WITH ORDINALITY AS e(value, n) ORDER BY e.n LOOP
    INSERT INTO "AuditEvent" ("createdAt", "actorType", "actorId", "actorEmail", "action", "requestId",
                              "targetType", "targetId", "ip", "userAgent", "metadata", "prevHash", "hash")
    VALUES (((event->>'createdAt')::timestamptz AT TIME ZONE 'UTC'), event->>'actorType', event->>'actorId',
            event->>'actorEmail', event->>'action', event->>'requestId', event->>'targetType', event->>'targetId',
            event->>'ip', event->>'userAgent', event->'metadata', previous,
            encode(sha256(convert_to('["' || previous || '",' || (event->>'chain'), 'UTF8')), 'hex'))
    RETURNING * INTO appended;
    previous := appended."hash";
    RETURN NEXT appended;
  END LOOP;
END;
$$ LANGUAGE plpgsql;

-- An event a transaction records is written to AuditEventPending, and chained into AuditEvent by
-- this deferred trigger as the transaction commits (in the order the events were written): the
-- chain lock is then held from the commit's start to its end and never waits for the client.
CREATE FUNCTION "audit_event_chain_pending"() RETURNS trigger AS $$
BEGIN
  PERFORM "audit_event_append"(jsonb_build_array(NEW."event"));
  DELETE FROM "AuditEventPending" WHERE "id" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "AuditEventPending_chain_at_commit"
  AFTER INSERT ON "AuditEventPending"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "audit_event_chain_pending"();
