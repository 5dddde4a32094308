/**
 * IT staff of the hub: accounts with roles ({@link fr.vigie.hub.staff.StaffRole}: admin, viewer, and
 * fhir_reader for site applications reading the FHIR API),
 * Argon2id password hashes, sign-in throttling per address and per login that IT can lift
 * ({@link fr.vigie.hub.staff.SignInThrottle}), browser sessions with CSRF tokens and API bearer tokens
 * for the CLI, all in PostgreSQL ({@link fr.vigie.hub.staff.StaffDirectory}). The HTTP side — the
 * filter in front of every {@code /api/**} route and console page, the sign-in page — lives in
 * {@code fr.vigie.hub.web}.
 */
package fr.vigie.hub.staff;
