package fr.vigie.hardware.sim.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * PKCS#15 objects of the contact interface (PKCS#15 v1.1 / ISO 7816-15 encodings), so that an
 * independent reader such as OpenSC's {@code iasecc} driver finds the authentication certificate
 * as it does on a real CPx card: ODF ({@code 5031}), TokenInfo ({@code 5032}) and a certificate
 * directory ({@code 7004}) pointing at the certificate EF, all in the application DF.
 */
final class Pkcs15Files {
    static final int ODF = 0x5031;
    static final int TOKEN_INFO = 0x5032;
    static final int CDF = 0x7004;
    /** PKCS#15 object id shared by the authentication certificate and (on a real card) its key. */
    static final byte[] AUTH_ID = {0x01};

    private Pkcs15Files() {
    }

    static void addTo(CardFile mf, CardFile app, int appFid, String serial, byte[] certificate,
            CpsCredential credential) {
        app.elementaryFile(ODF, der(new DERTaggedObject(true, 4, path(appFid, CDF))));
        app.elementaryFile(TOKEN_INFO, der(new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(0),
                new DEROctetString(HexFormat.of().parseHex(serial)),
                new DERUTF8String("VIGIE (virtual card)"),
                new DERTaggedObject(false, 0, new DERUTF8String("CPS3 " + credential.idNatPs())),
                new DERBitString(new byte[] {(byte) 0x80}, 7), // tokenflags: readOnly
        })));
        app.elementaryFile(CDF, der(new DERSequence(new ASN1Encodable[] {
                new DERSequence(new DERUTF8String("Certificat d'authentification CPS")),
                new DERSequence(new DEROctetString(AUTH_ID)),
                new DERTaggedObject(true, 1, new DERSequence(path(appFid, fr.vigie.hardware.card.CpsCard.EF_AUTH_CERTIFICATE))),
        })));
    }

    /** A PKCS#15 Path: SEQUENCE { OCTET STRING 3F00 / app DF / file }. */
    private static DERSequence path(int appFid, int fileFid) {
        return new DERSequence(new DEROctetString(new byte[] {0x3F, 0x00, (byte) (appFid >> 8), (byte) appFid,
                (byte) (fileFid >> 8), (byte) fileFid}));
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
