package fr.vigie.provisioning;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM text for certificates, chains, CSRs and CRLs. */
public final class Pem {
    public static final int MAX_CHARS = 32 * 1024;
    private static final int MAX_CHAIN = 5;
    public static final int MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
    public static final int MAX_BUNDLE_ENTRIES = 64;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The DER content of the single block of {@code type} in {@code pem}, or null if there is not exactly one. */
    public static byte[] decodeOne(String pem, String type) {
        if (pem == null || pem.length() > MAX_CHARS) {
            return null;
        }
        Matcher m = BLOCK.matcher(pem.strip());
        if (!m.matches() || !m.group(1).equals(type)) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String certificates(List<X509Certificate> chain) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : chain) {
            try {
                sb.append(encode("CERTIFICATE", c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode certificate " + c.getSubjectX500Principal(), e);
            }
        }
        return sb.toString();
    }

    /** Reads one to five PEM certificates, leaf first. */
    public static List<X509Certificate> parseCertificates(String pem) throws ProvisioningException {
        if (pem == null || pem.isBlank() || pem.length() > MAX_CHARS) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    "certificate chain must be 1 to " + MAX_CHARS + " characters of PEM");
        }
        Collection<? extends Certificate> certs;
        try {
            certs = x509().generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    "certificate chain is not readable PEM: " + e.getMessage(), e);
        }
        if (certs.isEmpty() || certs.size() > MAX_CHAIN) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    "certificate chain must hold 1 to " + MAX_CHAIN + " certificates, got " + certs.size());
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            out.add((X509Certificate) c);
        }
        return List.copyOf(out);
    }

    /**
     * Reads a bundle of certificates (PEM blocks, or DER) such as a trust-anchor file: 1 to
     * {@value #MAX_BUNDLE_ENTRIES} certificates in at most {@value #MAX_BUNDLE_BYTES} bytes.
     */
    public static List<X509Certificate> certificateBundle(byte[] data, String what) throws ProvisioningException {
        if (data.length == 0 || data.length > MAX_BUNDLE_BYTES) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    what + " must be 1 to " + MAX_BUNDLE_BYTES + " bytes, got " + data.length);
        }
        Collection<? extends Certificate> certs;
        try {
            certs = x509().generateCertificates(new ByteArrayInputStream(data));
        } catch (CertificateException e) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    what + " is not readable PEM or DER certificates: " + e.getMessage(), e);
        }
        if (certs.isEmpty() || certs.size() > MAX_BUNDLE_ENTRIES) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    what + " must hold 1 to " + MAX_BUNDLE_ENTRIES + " certificates, got " + certs.size());
        }
        List<X509Certificate> out = new ArrayList<>();
        certs.forEach(c -> out.add((X509Certificate) c));
        return List.copyOf(out);
    }

    /** Reads a bundle of CRLs (PEM {@code X509 CRL} blocks, or DER): 0 to {@value #MAX_BUNDLE_ENTRIES}. */
    public static List<X509CRL> crlBundle(byte[] data, String what) throws ProvisioningException {
        if (data.length > MAX_BUNDLE_BYTES) {
            throw new ProvisioningException(ProvisioningError.CRL_INVALID,
                    what + " is larger than " + MAX_BUNDLE_BYTES + " bytes");
        }
        if (data.length == 0) {
            return List.of();
        }
        Collection<? extends java.security.cert.CRL> crls;
        try {
            crls = x509().generateCRLs(new ByteArrayInputStream(data));
        } catch (CRLException e) {
            throw new ProvisioningException(ProvisioningError.CRL_INVALID,
                    what + " is not readable PEM or DER CRLs: " + e.getMessage(), e);
        }
        if (crls.size() > MAX_BUNDLE_ENTRIES) {
            throw new ProvisioningException(ProvisioningError.CRL_INVALID,
                    what + " holds more than " + MAX_BUNDLE_ENTRIES + " CRLs");
        }
        List<X509CRL> out = new ArrayList<>();
        crls.forEach(c -> out.add((X509CRL) c));
        return List.copyOf(out);
    }

    public static String crls(List<X509CRL> crls) {
        StringBuilder sb = new StringBuilder();
        for (X509CRL c : crls) {
            try {
                sb.append(encode("X509 CRL", c.getEncoded()));
            } catch (CRLException e) {
                throw new IllegalStateException("cannot encode the CRL of " + c.getIssuerX500Principal(), e);
            }
        }
        return sb.toString();
    }

    public static X509CRL parseCrl(byte[] der) throws CRLException {
        return (X509CRL) x509().generateCRL(new ByteArrayInputStream(der));
    }

    public static X509Certificate parseCertificate(byte[] der) throws CertificateException {
        return (X509Certificate) x509().generateCertificate(new ByteArrayInputStream(der));
    }

    private static CertificateFactory x509() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }
}
