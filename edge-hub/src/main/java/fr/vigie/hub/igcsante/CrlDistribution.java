package fr.vigie.hub.igcsante;

import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IGC-Santé CRLs the hub hands to kiosks. Production sites point {@code hub.igc-sante.crl-files}
 * at the CRL files an operator job downloads from the ANS publication points; each file is read
 * again when its modification time or size changes, and a file that cannot be read keeps serving
 * its last good content (the sandbox launcher writes its test hierarchy's CRLs to such files). The hub
 * does not judge the
 * CRLs (each kiosk verifies them against its own anchors) beyond their being readable CRLs.
 * Thread-safe.
 *
 * <pre>{@code
 * var crls = new CrlDistribution(config.igcSanteCrlFiles());
 * String pem = crls.bundle();
 * }</pre>
 */
public final class CrlDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(CrlDistribution.class);

    private final List<Path> files;
    private final Map<Path, Read> reads = new LinkedHashMap<>();

    private record Read(FileTime modified, long size, List<X509CRL> crls) {
    }

    public CrlDistribution(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Every CRL held now: the files', in order. */
    public synchronized List<X509CRL> crls() {
        List<X509CRL> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(read(f));
        }
        return all;
    }

    /** {@link #crls()} as one PEM bundle, what kiosks fetch. */
    public String bundle() {
        return IgcSanteCrls.toPem(crls());
    }

    private List<X509CRL> read(Path f) {
        Read last = reads.get(f);
        try {
            FileTime modified = Files.getLastModifiedTime(f);
            long size = Files.size(f);
            if (last != null && last.modified().equals(modified) && last.size() == size) {
                return last.crls();
            }
            List<X509CRL> crls = IgcSanteCrls.parse(Files.readAllBytes(f));
            reads.put(f, new Read(modified, size, crls));
            LOG.info("IGC-Santé CRL file {} read: {} CRL(s)", f, crls.size());
            return crls;
        } catch (IOException | ProvisioningException e) {
            LOG.warn("IGC-Santé CRL file {} cannot be read ({}); {}", f, e.toString(),
                    last == null ? "nothing served from it" : "its last good content is still served");
            return last == null ? List.of() : last.crls();
        }
    }

    @Override
    public String toString() {
        return "CrlDistribution[files=" + files + "]";
    }
}
