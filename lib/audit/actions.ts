// Every state change the portal records. Names read as "<thing>.<what happened>" so the audit
// log can be filtered by prefix.
export const AUDIT_ACTIONS = [
  "auth.sign_in_link_requested",
  "auth.sign_in_link_refused",
  "auth.signed_in",
  "auth.signed_out",
  "user.created",
  "user.role_changed",
  "request.submitted",
  "request.cancelled",
  "request.extended",
  "identity.approved",
  "identity.rejected",
  "request.collecting",
  "request.packaging",
  "request.ready",
  "request.failed",
  "request.expired",
  "source.collected",
  "source.failed",
  "source.retry_requested",
  "archive.created",
  "archive.deleted",
  "archive.downloaded",
  "email.sent",
  "mandate.received",
  "mandate.objected",
  "mandate.viewed",
  "mandate.deleted",
  "audit.exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
