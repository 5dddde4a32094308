package fr.vigie.provisioning;

import fr.vigie.protocol.KioskAddress;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * How a kiosk is named in CSRs and certificates: subject {@code CN=<kioskId>, OU=<site>, O=Vigie}
 * and exactly one SAN, the URI {@code urn:vigie:kiosk:<site>:<kioskId>}. Both must agree.
 */
public final class SubjectNames {
    public static final String ORGANISATION = "Vigie";
    public static final String URN_PREFIX = "urn:vigie:kiosk:";

    private SubjectNames() {
    }

    public static X500Name deviceSubject(KioskAddress kiosk) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, kiosk.site()).addRDN(BCStyle.CN, kiosk.kioskId()).build();
    }

    public static X500Name caSubject(String commonName, String site) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, site).addRDN(BCStyle.CN, commonName).build();
    }

    public static String urn(KioskAddress kiosk) {
        return URN_PREFIX + kiosk.site() + ":" + kiosk.kioskId();
    }

    public static GeneralNames deviceSan(KioskAddress kiosk) {
        return new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, urn(kiosk)));
    }

    /**
     * The kiosk named by {@code subject} and {@code san}, rejected with {@code code} unless both are
     * exactly in the Vigie device form and agree.
     */
    public static KioskAddress kioskOf(X500Name subject, GeneralNames san, ProvisioningError code)
            throws ProvisioningException {
        Map<ASN1ObjectIdentifier, String> attrs = new HashMap<>();
        for (RDN rdn : subject.getRDNs()) {
            if (rdn.isMultiValued()) {
                throw new ProvisioningException(code, "subject '" + subject + "' has a multi-valued name part");
            }
            AttributeTypeAndValue atv = rdn.getFirst();
            if (!(atv.getValue() instanceof ASN1String text) || attrs.put(atv.getType(), text.getString()) != null) {
                throw new ProvisioningException(code, "subject '" + subject + "' repeats a name part or has a non-text one");
            }
        }
        String cn = attrs.remove(BCStyle.CN);
        String ou = attrs.remove(BCStyle.OU);
        String o = attrs.remove(BCStyle.O);
        if (!attrs.isEmpty() || !ORGANISATION.equals(o) || !KioskAddress.isValidId(ou) || !KioskAddress.isValidId(cn)) {
            throw new ProvisioningException(code, "subject '" + subject
                    + "' must be exactly CN=<kioskId>, OU=<site>, O=" + ORGANISATION + " with valid ids");
        }
        KioskAddress kiosk = KioskAddress.of(ou, cn);
        GeneralName[] names = san == null ? new GeneralName[0] : san.getNames();
        if (names.length != 1 || names[0].getTagNo() != GeneralName.uniformResourceIdentifier
                || !urn(kiosk).equals(((ASN1String) names[0].getName()).getString())) {
            throw new ProvisioningException(code, "subject alternative name must be exactly the URI '"
                    + urn(kiosk) + "', got " + (san == null ? "none" : san.toString().replace('\n', ' ').strip()));
        }
        return kiosk;
    }
}
