package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.IdentityError;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Turns a parsed SOAP answer into an {@link InsiResult} or an {@link InsiException}: the envelope
 * shape is checked in code, a {@code RESULTAT} body against {@code insi-resultat.xsd} (the published
 * structure: history dates before {@code IdIndividu} or after {@code OID}, every {@code TIQ} trait
 * optional), then the matricules and OIDs with the protocol's own parsers, the rule that {@code 00}
 * comes with an identity and {@code 01}/{@code 02} without, and what Vigie needs to use an identity
 * (each key present; birth name, first names, sex F/M and birth date returned). A matricule whose key
 * does not verify is kept as sent and makes the answer a {@link InsiResult.KeyNotVerified}; any other
 * bad matricule makes it malformed. Faults go to {@link SoapFaults}. Thread-safe.
 */
final class InsiResponseReader {
    private static final Schema SCHEMA = loadSchema();

    InsiResult read(Document doc) throws InsiException {
        Element envelope = doc.getDocumentElement();
        if (!is(envelope, InsiNamespaces.SOAP, "Envelope")) {
            throw malformed("the answer is not a SOAP 1.2 envelope");
        }
        Element body = only(envelope, InsiNamespaces.SOAP, "Body");
        List<Element> content = children(body);
        if (content.size() != 1) {
            throw malformed("the SOAP body holds " + content.size() + " elements, expected one");
        }
        Element payload = content.get(0);
        if (is(payload, InsiNamespaces.SOAP, "Fault")) {
            throw SoapFaults.toException(payload);
        }
        if (!is(payload, InsiNamespaces.RESULTAT, "RESULTAT")) {
            throw malformed("the SOAP body holds {" + payload.getNamespaceURI() + "}" + payload.getLocalName()
                    + ", expected RESULTAT");
        }
        validate(payload);
        return result(payload);
    }

    private static InsiResult result(Element resultat) throws InsiException {
        String code = text(only(only(resultat, InsiNamespaces.RESULTAT, "CR"), InsiNamespaces.RESULTAT, "CodeCR"));
        Element individu = optional(resultat, "INDIVIDU");
        switch (code) {
            case "01", "02" -> {
                if (individu != null) {
                    throw malformed("CodeCR " + code + " must not carry an identity");
                }
                return code.equals("01") ? new InsiResult.NoIdentity() : new InsiResult.SeveralIdentities();
            }
            case "00" -> {
                if (individu == null) {
                    throw malformed("CodeCR 00 without INDIVIDU");
                }
                return one(individu);
            }
            default -> throw malformed("unknown CodeCR " + code);
        }
    }

    /** A matricule of the answer: parsed when its key verifies, else kept as sent (masked) to be flagged. */
    private record Returned(InsMatricule matricule, String maskedAsSent) {
    }

    private static InsiResult one(Element individu) throws InsiException {
        Element actif = only(individu, InsiNamespaces.RESULTAT, "INSACTIF");
        periodOf(actif); // the contract allows a period here too: checked, not used
        Returned active = matricule(actif);
        InsOid activeOid = oid(actif);
        List<String> notVerifying = new ArrayList<>();
        if (active.matricule() == null) {
            notVerifying.add(active.maskedAsSent());
        }
        List<HistoricIns> history = new ArrayList<>();
        for (Element e : children(individu)) {
            if (e.getLocalName().equals("INSHISTO")) {
                LocalDate[] period = periodOf(e);
                Returned former = matricule(e);
                InsOid formerOid = oid(e);
                if (former.matricule() == null) {
                    notVerifying.add(former.maskedAsSent());
                } else {
                    history.add(new HistoricIns(former.matricule(), formerOid, period[0], period[1]));
                }
            }
        }
        ReturnedTraits traits = traits(only(individu, InsiNamespaces.RESULTAT, "TIQ"));
        if (!notVerifying.isEmpty()) {
            return new InsiResult.KeyNotVerified(active.maskedAsSent(), activeOid, traits, notVerifying);
        }
        return new InsiResult.OneIdentity(active.matricule(), activeOid, traits, history);
    }

    /**
     * {@code DateDeb} and {@code DateFin} of an INS, before {@code IdIndividu} (the CNDA's examples) or
     * after {@code OID} (the contract), each at most once; kept as sent, even when the end comes first.
     */
    private static LocalDate[] periodOf(Element ins) throws InsiException {
        return new LocalDate[] {date(ins, "DateDeb"), date(ins, "DateFin")};
    }

    private static LocalDate date(Element ins, String name) throws InsiException {
        Element found = null;
        for (Element e : children(ins)) {
            if (is(e, InsiNamespaces.RESULTAT, name)) {
                if (found != null) {
                    throw malformed(name + " appears twice in " + ins.getLocalName());
                }
                found = e;
            }
        }
        if (found == null) {
            return null;
        }
        try {
            return LocalDate.parse(text(found), DateTimeFormatter.ISO_DATE); // xs:date may carry an offset
        } catch (DateTimeParseException e) {
            throw malformed(name + " of " + ins.getLocalName() + " is not a date");
        }
    }

    /**
     * The four strict traits Vigie compares are required in a {@code 00} (the contract makes every
     * trait optional); {@code Prenom} is not read: {@code ListePrenom} is the reference.
     */
    private static ReturnedTraits traits(Element tiq) throws InsiException {
        String nom = requiredTrait(tiq, "NomNaissance");
        String prenoms = requiredTrait(tiq, "ListePrenom");
        String sexe = requiredTrait(tiq, "Sexe");
        if (!sexe.equals("F") && !sexe.equals("M")) {
            throw malformed("INSi returned a sex other than F or M; the identity cannot be compared");
        }
        String date = requiredTrait(tiq, "DateNaissance");
        Element lieu = optional(tiq, "LieuNaissance");
        return new ReturnedTraits(nom, prenoms, sexe, date, lieu == null ? null : text(lieu).toUpperCase(Locale.ROOT));
    }

    private static String requiredTrait(Element tiq, String name) throws InsiException {
        Element e = optional(tiq, name);
        if (e == null) {
            throw malformed("INSi returned an identity without " + name + "; it cannot be compared with the patient's");
        }
        return text(e);
    }

    private static Returned matricule(Element ins) throws InsiException {
        Element id = only(ins, InsiNamespaces.RESULTAT, "IdIndividu");
        Element cle = optional(id, "Cle");
        if (cle == null) {
            throw malformed("INSi returned a matricule without its key (Cle) in " + ins.getLocalName());
        }
        String value = (text(only(id, InsiNamespaces.RESULTAT, "NumIdentifiant")) + text(cle)).toUpperCase(Locale.ROOT);
        try {
            return new Returned(InsMatricule.parse(value), null);
        } catch (IdentityException e) {
            if (e.error() == IdentityError.KEY_MISMATCH) {
                return new Returned(null, InsMatricule.mask(value));
            }
            throw new InsiException(InsiError.INSI_MALFORMED_RESPONSE, "INSi returned a matricule Vigie refuses: "
                    + e.error() + " (" + e.getMessage() + ")", e);
        }
    }

    private static InsOid oid(Element ins) throws InsiException {
        try {
            return InsOid.parse(text(only(ins, InsiNamespaces.RESULTAT, "OID")));
        } catch (IdentityException e) {
            throw new InsiException(InsiError.INSI_MALFORMED_RESPONSE, "INSi returned " + e.getMessage(), e);
        }
    }

    private static void validate(Element payload) throws InsiException {
        Validator v = SCHEMA.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new DOMSource(payload));
        } catch (SAXException e) {
            throw new InsiException(InsiError.INSI_MALFORMED_RESPONSE,
                    "the answer does not follow the INSi result schema: " + withoutValues(e.getMessage()));
        } catch (IOException e) {
            throw new InsiException(InsiError.INSI_MALFORMED_RESPONSE, "the answer cannot be validated", e);
        }
    }

    /** Validator messages quote the offending value, which may be most of a NIR: keep them out. */
    static String withoutValues(String message) {
        return message == null ? "" : message.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }

    private static Schema loadSchema() {
        try (InputStream in = InsiResponseReader.class.getResourceAsStream("insi-resultat.xsd")) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newSchema(new StreamSource(in));
        } catch (IOException | SAXException | NullPointerException e) {
            throw new IllegalStateException("the INSi result schema insi-resultat.xsd cannot be loaded", e);
        }
    }

    static boolean is(Element e, String ns, String name) {
        return e != null && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element only(Element parent, String ns, String name) throws InsiException {
        Element found = null;
        for (Element e : children(parent)) {
            if (is(e, ns, name)) {
                if (found != null) {
                    throw malformed(name + " appears twice in " + parent.getLocalName());
                }
                found = e;
            }
        }
        if (found == null) {
            throw malformed(parent.getLocalName() + " has no " + name);
        }
        return found;
    }

    private static Element optional(Element parent, String name) {
        for (Element e : children(parent)) {
            if (is(e, InsiNamespaces.RESULTAT, name)) {
                return e;
            }
        }
        return null;
    }

    static String text(Element e) {
        return e.getTextContent().strip();
    }

    static InsiException malformed(String message) {
        return new InsiException(InsiError.INSI_MALFORMED_RESPONSE, message);
    }
}
