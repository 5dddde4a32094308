package fr.vigie.provisioning.device;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.SubjectNames;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A device's PKCS#10 certificate signing request, parsed and checked: one PEM block, an EC P-256
 * key, a valid ECDSA/SHA-256 self-signature, and a subject and SAN that name exactly one kiosk.
 * A {@code DeviceCsr} that exists has passed all of these checks. Immutable and thread-safe.
 *
 * <pre>{@code
 * DeviceCsr csr = DeviceCsr.parse(request.csrPem());      // rejects with CSR_* codes
 * console.show(csr.kiosk(), csr.enrolmentCode());           // IT compares with the kiosk screen
 * X509Certificate cert = siteCa.issueDevice(csr, approvedKiosk);
 * }</pre>
 */
public final class DeviceCsr {
    static final String PEM_TYPE = "CERTIFICATE REQUEST";

    private final PKCS10CertificationRequest request;
    private final KioskAddress kiosk;
    private final PublicKey publicKey;
    private final String pem;
    private final String enrolmentCode;

    private DeviceCsr(PKCS10CertificationRequest request, KioskAddress kiosk, PublicKey publicKey, String pem) {
        this.request = request;
        this.kiosk = kiosk;
        this.publicKey = publicKey;
        this.pem = pem;
        this.enrolmentCode = EcKeys.enrolmentCode(publicKey.getEncoded());
    }

    /**
     * Parses and checks a CSR.
     *
     * @throws ProvisioningException {@code CSR_MALFORMED}, {@code CSR_KEY_NOT_P256},
     *     {@code CSR_SIGNATURE_INVALID} or {@code CSR_SUBJECT_INVALID}
     */
    public static DeviceCsr parse(String pem) throws ProvisioningException {
        byte[] der = Pem.decodeOne(pem, PEM_TYPE);
        if (der == null) {
            throw new ProvisioningException(ProvisioningError.CSR_MALFORMED,
                    "CSR must be exactly one PEM block of type '" + PEM_TYPE + "'");
        }
        PKCS10CertificationRequest req;
        try {
            req = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new ProvisioningException(ProvisioningError.CSR_MALFORMED, "CSR is not a PKCS#10 request", e);
        }
        if (!EcKeys.isP256(req.getSubjectPublicKeyInfo())) {
            throw new ProvisioningException(ProvisioningError.CSR_KEY_NOT_P256, "CSR key is "
                    + req.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm() + ", only EC P-256 keys are accepted");
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(req.getSubjectPublicKeyInfo().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new ProvisioningException(ProvisioningError.CSR_KEY_NOT_P256, "CSR key is not a usable EC key", e);
        }
        if (!X9ObjectIdentifiers.ecdsa_with_SHA256.equals(req.getSignatureAlgorithm().getAlgorithm())
                || !signatureValid(req, key)) {
            throw new ProvisioningException(ProvisioningError.CSR_SIGNATURE_INVALID,
                    "CSR signature does not verify with the key it carries (ECDSA with SHA-256 expected)");
        }
        KioskAddress kiosk = SubjectNames.kioskOf(req.getSubject(), requestedSan(req),
                ProvisioningError.CSR_SUBJECT_INVALID);
        return new DeviceCsr(req, kiosk, key, Pem.encode(PEM_TYPE, der));
    }

    /** Builds and signs the CSR of {@code kiosk} for {@code keys}; the private key is only used to sign. */
    static String create(KioskAddress kiosk, KeyPair keys) {
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false, SubjectNames.deviceSan(kiosk));
            PKCS10CertificationRequest req = new JcaPKCS10CertificationRequestBuilder(
                    SubjectNames.deviceSubject(kiosk), keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                    .build(EcKeys.signer(keys.getPrivate()));
            return Pem.encode(PEM_TYPE, req.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CSR", e);
        }
    }

    private static boolean signatureValid(PKCS10CertificationRequest req, PublicKey key) {
        try {
            return req.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }

    private static GeneralNames requestedSan(PKCS10CertificationRequest req) throws ProvisioningException {
        Attribute[] attrs = req.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        if (attrs.length == 0) {
            return null;
        }
        try {
            Extensions exts = Extensions.getInstance(attrs[0].getAttrValues().getObjectAt(0));
            return GeneralNames.fromExtensions(exts, Extension.subjectAlternativeName);
        } catch (RuntimeException e) {
            throw new ProvisioningException(ProvisioningError.CSR_SUBJECT_INVALID, "CSR extension request is unreadable", e);
        }
    }

    /** The kiosk the CSR names. */
    public KioskAddress kiosk() {
        return kiosk;
    }

    /** The device's public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The CSR re-encoded as canonical PEM. */
    public String pem() {
        return pem;
    }

    /** The code the kiosk shows on its screen for this key, e.g. {@code K7F2-9QXM}. */
    public String enrolmentCode() {
        return enrolmentCode;
    }

    PKCS10CertificationRequest request() {
        return request;
    }

    @Override
    public String toString() {
        return "DeviceCsr[" + kiosk + ", code " + enrolmentCode() + "]";
    }
}
