-- Appends audit events to the hash chain in one statement (lib/audit/append.ts). Every append
-- takes the chain lock and holds it until its transaction ends; done from the application as
-- lock, read the head, insert, that was three round trips to the client while every other
-- append in the portal waited. Here the lock, the head and the inserts are one call.
-- The hash is the one lib/audit/hash.ts computes and verifies: sha256 of the JSON array
-- [prevHash, createdAt, actor…, metadata]. The client sends that array's text after its first
-- element ("chain"); prevHash is 64 hex digits, which JSON writes as they are.
CREATE FUNCTION "audit_event_append"(events jsonb) RETURNS SETOF "AuditEvent" AS $$
DECLARE
  event jsonb;
  previous text;
  appended "AuditEvent";
BEGIN
  PERFORM pg_advisory_xact_lock(41720931);
  -- A new statement after the lock: its snapshot sees what the previous holder committed.
  SELECT hash INTO previous FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
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
