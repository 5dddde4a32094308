/**
 * A test IGC-Santé: {@link fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa}, a locally generated
 * hierarchy with the names and profiles of the IGC-Santé "ELEMENTAIRE" branch (every name carries
 * {@code O=VIGIE TEST}; it is neither the real IGC-Santé nor its TEST branch) that certifies, revokes and
 * publishes CRLs — the sandbox hub serves it — and {@link fr.vigie.hardware.sim.igcsante.TestIgcSante},
 * which adds the card side: a key pair per virtual CPS card.
 */
package fr.vigie.hardware.sim.igcsante;
