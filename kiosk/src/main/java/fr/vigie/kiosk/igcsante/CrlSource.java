package fr.vigie.kiosk.igcsante;

import java.io.IOException;

/**
 * Where the kiosk gets the IGC-Santé CRLs from: a PEM (or DER) bundle, as the hub serves it at
 * {@code /pki/v1/igc-sante/crls}. Implementations may block; they are called from one thread at a time.
 */
@FunctionalInterface
public interface CrlSource {
    /**
     * @return the bundle's bytes
     * @throws IOException when the source cannot be reached or answers with an error (the cache is kept)
     */
    byte[] fetch() throws IOException;
}
