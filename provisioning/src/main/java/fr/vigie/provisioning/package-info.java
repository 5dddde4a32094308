/**
 * Device identity and site PKI (Bouncy Castle): key pairs, CSRs, the site CA, certificates,
 * renewal, revocation, and the enrolment protocol. Filled in by the provisioning work.
 */
package fr.vigie.provisioning;
