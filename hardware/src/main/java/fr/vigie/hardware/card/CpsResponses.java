package fr.vigie.hardware.card;

import fr.vigie.hardware.card.apdu.BerTlv;
import fr.vigie.hardware.card.apdu.Tlv;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Strict parsing of what a CPS card answers; every defect becomes a precise rejection. */
final class CpsResponses {
    private static final String OID_SURNAME = "2.5.4.4";
    private static final String OID_GIVEN_NAME = "2.5.4.42";
    private static final java.util.regex.Pattern ID_NAT_PS = java.util.regex.Pattern.compile("[0-9][0-9A-Za-z]{1,30}");

    private CpsResponses() {
    }

    static int fileSize(byte[] fcp) throws CardRejectedException {
        Tlv size = BerTlv.parseOne(fcp, 0x62).find(0x80).orElseThrow(() -> malformed("FCP without file size (80)"));
        if (size.length() < 1 || size.length() > 2) {
            throw malformed("FCP file size of " + size.length() + " bytes");
        }
        return size.intValue();
    }

    static int triesLeft(byte[] data, int pinReference) throws CardRejectedException {
        Tlv sdo = BerTlv.parseOne(data, 0x70).find(0xBF8100 | pinReference)
                .orElseThrow(() -> malformed("PIN counter: no SDO BF810" + pinReference));
        Tlv a0 = sdo.find(0xA0).orElseThrow(() -> malformed("PIN counter: no A0 template"));
        Tlv left = a0.find(0x9B).orElseThrow(() -> malformed("PIN counter: no remaining tries (9B)"));
        if (left.length() != 1 || left.intValue() > 15) {
            throw malformed("PIN counter: bad remaining tries " + left);
        }
        return left.intValue();
    }

    static CpsHolder holder(byte[] der) throws CardRejectedException {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CardRejectedException(CardError.CARD_CERTIFICATE_INVALID,
                    "authentication certificate cannot be parsed (" + der.length + " bytes): " + e.getMessage());
        }
        if (!(cert.getPublicKey() instanceof RSAPublicKey)) {
            throw new CardRejectedException(CardError.CARD_CERTIFICATE_INVALID, "certificate key is not RSA");
        }
        String cn = "", surname = "", given = "";
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName("RFC2253", java.util.Map.of(
                    OID_SURNAME, "SURNAME", OID_GIVEN_NAME, "GIVENNAME"))).getRdns()) {
                String value = String.valueOf(rdn.getValue());
                switch (rdn.getType().toUpperCase()) {
                    case "CN" -> cn = value;
                    case "SURNAME" -> surname = value;
                    case "GIVENNAME" -> given = value;
                    default -> { }
                }
            }
        } catch (InvalidNameException e) {
            throw new CardRejectedException(CardError.CARD_CERTIFICATE_INVALID, "certificate subject unreadable");
        }
        if (!ID_NAT_PS.matcher(cn).matches()) {
            throw new CardRejectedException(CardError.CARD_CERTIFICATE_INVALID,
                    "certificate CN is not an idNat_PS");
        }
        return new CpsHolder(cn, surname, given, cert);
    }

    static void checkSignature(X509Certificate cert, byte[] challenge, byte[] signature) throws CardRejectedException {
        int modulusBytes = (((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength() + 7) / 8;
        if (signature.length != modulusBytes) {
            throw malformed("INTERNAL AUTHENTICATE answered " + signature.length + " bytes, expected " + modulusBytes);
        }
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initVerify(cert.getPublicKey());
            rsa.update(challenge);
            if (rsa.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through: a signature that cannot be checked is not valid
        }
        throw new CardRejectedException(CardError.CARD_SIGNATURE_INVALID,
                "the card's answer to the challenge does not verify with its certificate");
    }

    private static CardRejectedException malformed(String why) {
        return new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, why);
    }
}
