/**
 * The hub's audit log: every admin action and security event, hash-chained in PostgreSQL.
 *
 * <ul>
 * <li>{@link fr.vigie.hub.audit.AuditLog}: {@code append(AuditEntry)} (serialised on the chain head
 * row), {@code find(AuditQuery)}, {@code verify()};</li>
 * <li>{@link fr.vigie.hub.audit.AuditEntry}: actor, action code, subject, a few details (never
 * secrets);</li>
 * <li>{@link fr.vigie.hub.audit.AuditCategory}: the action codes grouped as the console offers them
 * (sign-ins, identities, enrolment…), a filter of {@code AuditQuery};</li>
 * <li>{@link fr.vigie.hub.audit.AuditVerification}: intact, or the first changed, removed or reordered
 * entry with its position and a stable code;</li>
 * <li>{@link fr.vigie.hub.audit.AuditAnchor}: exports the chain head ({@link fr.vigie.hub.audit.ExportedHead}),
 * signed with the hub's key, outside the database (a file in the data directory and the log, hence the
 * system journal), and verifies the chain against the last one, so that a chain rebuilt or cut short
 * by a database superuser is found.</li>
 * <li>{@link fr.vigie.hub.audit.RefusalSummary}: requests refused in bulk from one source, as one entry per
 * source and minute with a count rather than one per request.</li>
 * </ul>
 *
 * The canonical form that each hash covers is documented on {@code AuditChain}.
 */
package fr.vigie.hub.audit;
