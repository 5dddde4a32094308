package fr.vigie.kiosk.igcsante;

import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the CRL bundle from a {@link CrlSource} and offers each CRL to the {@link IgcSanteCrls}
 * cache. A source that cannot be reached, a bundle that cannot be read, or a CRL that fails its
 * checks (bad signature, older than the one held) changes nothing that was held; each is reported in
 * the {@link Result} and logged, never thrown, so that a periodic refresh never stops.
 * Thread-safe (one refresh at a time).
 */
public final class CrlRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(CrlRefresher.class);

    /**
     * What one refresh did.
     *
     * @param stored CRLs newer than the ones held, now in use
     * @param unchanged CRLs identical to the ones held
     * @param rejected one line per rejected CRL or failed fetch: code or cause, and reason
     */
    public record Result(int stored, int unchanged, List<String> rejected) {
        public Result {
            rejected = List.copyOf(rejected);
        }

        /** Whether the source answered and every CRL in it was accepted. */
        public boolean clean() {
            return rejected.isEmpty();
        }
    }

    private final CrlSource source;
    private final IgcSanteCrls crls;

    public CrlRefresher(CrlSource source, IgcSanteCrls crls) {
        this.source = Objects.requireNonNull(source, "source");
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    /** Fetches and offers every CRL of the bundle. */
    public synchronized Result refresh() {
        List<X509CRL> bundle;
        try {
            bundle = IgcSanteCrls.parse(source.fetch());
        } catch (IOException e) {
            LOG.warn("IGC-Santé CRLs not refreshed from {}: {}; the cached ones stay in use", source, e.toString());
            return new Result(0, 0, List.of("UNREACHABLE: " + e.getMessage()));
        } catch (ProvisioningException e) {
            LOG.warn("IGC-Santé CRL bundle from {} rejected: {}", source, e.toString());
            return new Result(0, 0, List.of(e.toString()));
        }
        int stored = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        for (X509CRL crl : bundle) {
            try {
                if (crls.offer(crl) == IgcSanteCrls.Outcome.STORED) {
                    stored++;
                    LOG.info("IGC-Santé CRL of {} updated: next update {}, {} revoked", crl.getIssuerX500Principal()
                            .getName(), crl.getNextUpdate().toInstant(),
                            crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size());
                } else {
                    unchanged++;
                }
            } catch (ProvisioningException e) {
                LOG.warn("IGC-Santé CRL from {} rejected, the one held is kept: {}", source, e.toString());
                rejected.add(e.toString());
            } catch (IOException e) {
                LOG.error("IGC-Santé CRL of {} could not be cached: {}", crl.getIssuerX500Principal().getName(),
                        e.toString());
                rejected.add("CACHE_WRITE_FAILED: " + e.getMessage());
            }
        }
        return new Result(stored, unchanged, rejected);
    }
}
