package fr.vigie.hub.preflight;

import fr.vigie.hub.tls.ClientCertificate;
import fr.vigie.protocol.service.PreflightCheck;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checks of a client certificate the hub presents to a national service: which certificate the PKCS#12 holds,
 * its CN (for INSi, {@code INSI-AUTO} or {@code INSI-MANU} only), its key usage ({@code digitalSignature}) and
 * extended key usage ({@code clientAuth}), its chain up to a configured anchor (signatures only: dates are the
 * validity's check), and its validity (FAIL outside it,
 * WARN within {@link ClientCertificate#EXPIRY_WARNING} of its end, the hub's own rule). Stateless.
 */
final class CertificateChecks {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private CertificateChecks() {
    }

    /**
     * Adds the certificate's lines to {@code report}.
     *
     * @param service the service, e.g. {@code INSi}
     * @param key the setting naming the PKCS#12, e.g. {@code hub.insi.certificate}
     * @param certificate the certificate as the hub opened it
     * @param acceptedCommonNames the only CNs the service accepts; empty: any
     * @param anchors the configured anchors its chain is checked against, and the settings they come from
     * @param now the time of the check
     */
    static void check(String service, String key, ClientCertificate certificate, Set<String> acceptedCommonNames,
            Anchors anchors, Instant now, Consumer<PreflightCheck> report) {
        X509Certificate leaf = certificate.leaf();
        report.accept(PreflightCheck.ok(service, "certificate", key + " " + certificate.file() + " s'ouvre avec son"
                + " mot de passe ; sujet « " + leaf.getSubjectX500Principal().getName() + " », émis par « "
                + leaf.getIssuerX500Principal().getName() + " », n° " + leaf.getSerialNumber().toString(16)));
        report.accept(commonName(service, key, certificate, acceptedCommonNames));
        report.accept(usage(service, key, leaf));
        report.accept(chain(service, key, certificate, anchors));
        report.accept(validity(service, key, certificate, now));
    }

    static PreflightCheck commonName(String service, String key, ClientCertificate certificate, Set<String> accepted) {
        String cn = certificate.commonName().orElse("");
        String ou = certificate.organisationalUnit().map(o -> " (OU " + o + ")").orElse("");
        if (!accepted.isEmpty() && !accepted.contains(cn)) {
            return PreflightCheck.fail(service, "certificate.cn", "CERT_CN_REFUSED", "le certificat de " + key
                    + " est au nom de CN « " + cn + " »" + ou + " : " + service + " n'accepte que "
                    + String.join(" ou ", accepted.stream().sorted().toList()) + " (tout autre CN est refusé). Demandez"
                    + " à l'IGC-Santé un certificat d'authentification d'organisation à ce CN pour la structure, puis"
                    + " pointez " + key + " sur son PKCS#12");
        }
        return PreflightCheck.ok(service, "certificate.cn", cn.isEmpty() ? "pas de CN" + ou : cn + ou);
    }

    static PreflightCheck usage(String service, String key, X509Certificate leaf) {
        boolean[] ku = leaf.getKeyUsage();
        List<String> eku;
        try {
            eku = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return PreflightCheck.fail(service, "certificate.usage", "CERT_USAGE_UNREADABLE", "l'extension"
                    + " extendedKeyUsage du certificat de " + key + " est illisible : " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (ku != null && (ku.length == 0 || !ku[0])) {
            problems.add("son keyUsage ne permet pas digitalSignature");
        }
        if (eku != null && !eku.contains(CLIENT_AUTH) && !eku.contains(ANY_EXTENDED_KEY_USAGE)) {
            problems.add("son extendedKeyUsage (" + String.join(", ", eku) + ") ne permet pas clientAuth");
        }
        if (!problems.isEmpty()) {
            return PreflightCheck.fail(service, "certificate.usage", "CERT_NOT_CLIENT_AUTH", "le certificat de " + key
                    + " ne peut pas authentifier un client TLS : " + String.join(" et ", problems) + ". Il faut un"
                    + " certificat d'authentification (clientAuth), pas un certificat de signature ou de serveur");
        }
        return PreflightCheck.ok(service, "certificate.usage", (ku == null ? "keyUsage absent (aucune restriction)"
                : "keyUsage digitalSignature") + ", " + (eku == null ? "extendedKeyUsage absent (aucune restriction)"
                        : "extendedKeyUsage clientAuth"));
    }

    static PreflightCheck chain(String service, String key, ClientCertificate certificate, Anchors anchors) {
        X509Certificate leaf = certificate.leaf();
        if (anchors.certificates().isEmpty()) {
            return PreflightCheck.warn(service, "certificate.chain", "CHAIN_NOT_CHECKED", "aucune autorité configurée ("
                    + String.join(", ", anchors.settings()) + ") : la chaîne du certificat de " + key + " (émis par « "
                    + leaf.getIssuerX500Principal().getName() + " ») n'a pas pu être vérifiée ici. Indiquez les"
                    + " racines IGC-Santé dans " + anchors.settings().get(anchors.settings().size() - 1));
        }
        // signatures only: the validity is a check of its own (certificate.expiry)
        List<X509Certificate> pool = new ArrayList<>(certificate.chain());
        pool.addAll(anchors.certificates());
        X509Certificate current = leaf;
        for (int depth = 0; depth < 10; depth++) {
            Optional<X509Certificate> anchor = issuerAmong(current, anchors.certificates());
            if (anchors.certificates().contains(current) || anchor.isPresent()) {
                X509Certificate root = anchors.certificates().contains(current) ? current : anchor.get();
                return PreflightCheck.ok(service, "certificate.chain", "remonte à « "
                        + root.getSubjectX500Principal().getName() + " » (" + String.join(", ", anchors.settings())
                        + ")");
            }
            Optional<X509Certificate> issuer = issuerAmong(current, pool);
            if (issuer.isEmpty() || issuer.get().equals(current)) {
                break;
            }
            current = issuer.get();
        }
        return PreflightCheck.fail(service, "certificate.chain", "CERT_CHAIN_UNTRUSTED", "le certificat de " + key
                + " (émis par « " + leaf.getIssuerX500Principal().getName() + " ») ne remonte à aucune autorité de "
                + String.join(", ", anchors.settings()) + " : mettez l'autorité intermédiaire dans le PKCS#12, ou"
                + " vérifiez qu'il vient de la bonne IGC-Santé (test ou production)");
    }

    /** The certificate of {@code candidates} that signed {@code cert}: its subject is the issuer, the signature verifies. */
    private static Optional<X509Certificate> issuerAmong(X509Certificate cert, List<X509Certificate> candidates) {
        for (X509Certificate c : candidates) {
            if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(c.getPublicKey());
                    return Optional.of(c);
                } catch (GeneralSecurityException e) {
                    // same name, another key: keep looking
                }
            }
        }
        return Optional.empty();
    }

    static PreflightCheck validity(String service, String key, ClientCertificate certificate, Instant now) {
        String until = day(certificate.notAfter());
        long days = Duration.between(now, certificate.notAfter()).toDays();
        return switch (certificate.validityAt(now)) {
            case NOT_YET_VALID -> PreflightCheck.fail(service, "certificate.expiry", "CERT_NOT_YET_VALID",
                    "le certificat de " + key + " n'est valable qu'à partir du " + day(certificate.notBefore())
                            + " : vérifiez l'horloge de ce serveur (NTP) ou attendez cette date");
            case EXPIRED -> PreflightCheck.fail(service, "certificate.expiry", "CERT_EXPIRED", "le certificat de " + key
                    + " a expiré le " + until + " : le service le refusera. Demandez son renouvellement à l'IGC-Santé"
                    + " et remplacez le PKCS#12 (et son fichier de mot de passe)");
            case EXPIRES_SOON -> PreflightCheck.warn(service, "certificate.expiry", "CERT_EXPIRES_SOON",
                    "le certificat de " + key + " expire le " + until + ", dans " + days + " jour(s) : demandez dès"
                            + " maintenant son renouvellement à l'IGC-Santé");
            case VALID -> PreflightCheck.ok(service, "certificate.expiry", "valable jusqu'au " + until + " (" + days
                    + " jours)");
        };
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * The anchors a client certificate's chain is checked against.
     *
     * @param certificates the anchor certificates
     * @param settings the settings they come from, e.g. {@code hub.insi.trust-anchors, hub.igc-sante.anchors}
     */
    record Anchors(List<X509Certificate> certificates, List<String> settings) {
        Anchors {
            certificates = List.copyOf(certificates);
            settings = List.copyOf(settings);
            if (settings.isEmpty()) {
                throw new IllegalArgumentException("anchors come from at least one setting");
            }
        }

        /** Whatever {@code more} holds as well, from {@code setting}. */
        Anchors plus(List<X509Certificate> more, String setting) {
            List<X509Certificate> all = new ArrayList<>(certificates);
            all.addAll(more);
            List<String> from = new ArrayList<>(settings);
            from.add(setting);
            return new Anchors(all, from);
        }
    }
}
