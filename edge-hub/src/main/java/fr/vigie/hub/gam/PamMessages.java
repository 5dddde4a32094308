package fr.vigie.hub.gam;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractMessage;
import ca.uhn.hl7v2.model.v25.datatype.CX;
import ca.uhn.hl7v2.model.v25.datatype.XAD;
import ca.uhn.hl7v2.model.v25.datatype.XPN;
import ca.uhn.hl7v2.model.v25.message.ADT_A05;
import ca.uhn.hl7v2.model.v25.message.ADT_A30;
import ca.uhn.hl7v2.model.v25.message.ADT_A39;
import ca.uhn.hl7v2.model.v25.segment.EVN;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.parser.Parser;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Builds the identity feed's messages, HL7 v2.5 as IHE PAM (ITI-30) and its French national extension ask, with
 * HAPI's v2.5 model, and encodes them in ER7 (pipes). Thread-safe (HAPI's parser is; nothing else is shared).
 *
 * <p>Header: MSH-3 to MSH-6 from {@link GamSettings}, MSH-7 in UTC with its offset, MSH-9 event and structure,
 * MSH-10 the control id given, MSH-11 {@code P}, MSH-12 {@value #VERSION}{@code ^FRA^}{@value #FRENCH_VERSION},
 * MSH-17 {@code FRA}, MSH-18 {@code UNICODE UTF-8}, MSH-19 {@code FR}, MSH-21
 * {@value #FRENCH_VERSION}{@code ^}{@value #PROFILE} (the French extension's version, 2.11, is to be confirmed
 * with the receiving GAM; see the edge-hub README). EVN-2 is the time of the change.
 *
 * <p>PID (one per patient, see {@link #fill}):
 * <ul>
 * <li>PID-3: the hub's record id, type {@code PI}, assigning authority {@code patientIdAuthority&patientIdOid&ISO};
 *     and, only when the identity is QUAL, the INS matricule with authority {@code ASIP-SANTE-INS-NIR} (the NIR, test
 *     and demo OIDs {@code 1.2.250.1.213.1.4.8}, {@code .10}, {@code .11}) or {@code ASIP-SANTE-INS-NIA} ({@code .9}),
 *     {@code &ISO}, type {@code INS};</li>
 * <li>PID-5: the birth name, type {@code L}: family name, premier prénom (PID-5.2) and the whole list of first names
 *     (PID-5.3); then, when a nom or prénom utilisé is known, the used name, type {@code D};</li>
 * <li>PID-7 the birth date ({@code YYYYMMDD}, or {@code YYYYMM}/{@code YYYY} for a partial date: the unknown part is
 *     left out, never invented), PID-8 {@code F}/{@code M};</li>
 * <li>PID-11: the birth place, address type {@code BDL}, its INSEE code in PID-11.9 (county/parish code);</li>
 * <li>PID-32: the identity reliability codes ({@link PamPatient#reliabilityCodes}).</li>
 * </ul>
 */
final class PamMessages {
    /** MSH-12.1. */
    static final String VERSION = "2.5";
    /** MSH-12.3 and MSH-21.1: the version of IHE PAM's French national extension (to be confirmed with the GAM). */
    static final String FRENCH_VERSION = "2.11";
    /** MSH-21.2. */
    static final String PROFILE = "IHE_FRANCE-2.11-PAM";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private final GamSettings settings;
    private final Parser parser;

    PamMessages(GamSettings settings, Parser parser) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** ADT^A28 (created) or ADT^A31 (changed) carrying {@code patient}. */
    String patient(PamEvent event, PamPatient patient, String controlId, Instant at) throws HL7Exception {
        if (event != PamEvent.A28 && event != PamEvent.A31) {
            throw new IllegalArgumentException(event + " is not a person information message");
        }
        ADT_A05 m = new ADT_A05();
        header(m, m.getMSH(), event, controlId, at);
        event(m.getEVN(), at);
        fill(m.getPID(), patient);
        m.getPV1().getPatientClass().setValue("N"); // no visit: identity only (PAM)
        return parser.encode(m);
    }

    /** ADT^A40: {@code absorbed} (its identifier in MRG-1) merged into {@code survivor} (PID). */
    String merge(PamPatient survivor, PamPatient absorbed, String controlId, Instant at) throws HL7Exception {
        ADT_A39 m = new ADT_A39();
        header(m, m.getMSH(), PamEvent.A40, controlId, at);
        event(m.getEVN(), at);
        fill(m.getPATIENT().getPID(), survivor);
        localId(m.getPATIENT().getMRG().getPriorPatientIdentifierList(0), absorbed.recordId());
        return parser.encode(m);
    }

    /** ADT^A47: the qualified {@code patient}'s INS replaces {@code formerIns} (MRG-1), which the GAM held. */
    String insChange(PamPatient patient, PamPatient.Ins formerIns, String controlId, Instant at) throws HL7Exception {
        if (patient.ins().isEmpty()) {
            throw new IllegalArgumentException("an A47 carries the new INS of a qualified identity");
        }
        ADT_A30 m = new ADT_A30();
        header(m, m.getMSH(), PamEvent.A47, controlId, at);
        event(m.getEVN(), at);
        fill(m.getPID(), patient);
        ins(m.getMRG().getPriorPatientIdentifierList(0), formerIns);
        return parser.encode(m);
    }

    private void header(AbstractMessage message, MSH msh, PamEvent event, String controlId, Instant at)
            throws HL7Exception {
        msh.getFieldSeparator().setValue("|");
        msh.getEncodingCharacters().setValue("^~\\&");
        msh.getSendingApplication().getNamespaceID().setValue(settings.sendingApplication());
        msh.getSendingFacility().getNamespaceID().setValue(settings.sendingFacility());
        msh.getReceivingApplication().getNamespaceID().setValue(settings.receivingApplication());
        msh.getReceivingFacility().getNamespaceID().setValue(settings.receivingFacility());
        msh.getDateTimeOfMessage().getTime().setValue(TIME.format(at));
        msh.getMessageType().getMessageCode().setValue("ADT");
        msh.getMessageType().getTriggerEvent().setValue(event.name());
        msh.getMessageType().getMessageStructure().setValue(event.structure());
        msh.getMessageControlID().setValue(controlId);
        msh.getProcessingID().getProcessingID().setValue("P");
        msh.getVersionID().getVersionID().setValue(VERSION);
        msh.getVersionID().getInternationalizationCode().getIdentifier().setValue("FRA");
        msh.getVersionID().getInternationalVersionID().getIdentifier().setValue(FRENCH_VERSION);
        msh.getCountryCode().setValue("FRA");
        msh.getCharacterSet(0).setValue("UNICODE UTF-8");
        msh.getPrincipalLanguageOfMessage().getIdentifier().setValue("FR");
        msh.getMessageProfileIdentifier(0).getEntityIdentifier().setValue(FRENCH_VERSION);
        msh.getMessageProfileIdentifier(0).getNamespaceID().setValue(PROFILE);
        message.setParser(parser);
    }

    private static void event(EVN evn, Instant at) throws HL7Exception {
        evn.getRecordedDateTime().getTime().setValue(TIME.format(at));
    }

    /** Fills a PID segment with {@code p}, as described on this class. */
    private void fill(PID pid, PamPatient p) throws HL7Exception {
        StrictTraits t = p.traits();
        pid.getSetIDPID().setValue("1");
        localId(pid.getPatientIdentifierList(0), p.recordId());
        if (p.ins().isPresent()) {
            ins(pid.getPatientIdentifierList(1), p.ins().get());
        }
        XPN birth = pid.getPatientName(0);
        birth.getFamilyName().getSurname().setValue(t.nomNaissance());
        birth.getGivenName().setValue(t.premierPrenom());
        birth.getSecondAndFurtherGivenNamesOrInitialsThereof().setValue(t.listePrenomText());
        birth.getNameTypeCode().setValue("L");
        if (t.nomUtilise().isPresent() || t.prenomUtilise().isPresent()) {
            XPN used = pid.getPatientName(1);
            used.getFamilyName().getSurname().setValue(t.nomUtilise().orElse(t.nomNaissance()));
            used.getGivenName().setValue(t.prenomUtiliseOrPremier());
            used.getNameTypeCode().setValue("D");
        }
        pid.getDateTimeOfBirth().getTime().setValue(birthDate(t.dateNaissance()));
        pid.getAdministrativeSex().setValue(t.sexe().traitCode());
        if (t.lieuNaissance().isPresent()) {
            XAD place = pid.getPatientAddress(0);
            place.getAddressType().setValue("BDL");
            place.getCountyParishCode().setValue(t.lieuNaissance().get().code());
        }
        List<String> reliability = p.reliabilityCodes();
        for (int i = 0; i < reliability.size(); i++) {
            pid.getIdentityReliabilityCode(i).setValue(reliability.get(i));
        }
    }

    private void localId(CX cx, long recordId) throws HL7Exception {
        cx.getIDNumber().setValue(Long.toString(recordId));
        cx.getAssigningAuthority().getNamespaceID().setValue(settings.patientIdAuthority());
        if (settings.patientIdOidIfAny().isPresent()) {
            cx.getAssigningAuthority().getUniversalID().setValue(settings.patientIdOid());
            cx.getAssigningAuthority().getUniversalIDType().setValue("ISO");
        }
        cx.getIdentifierTypeCode().setValue("PI");
    }

    private static void ins(CX cx, PamPatient.Ins ins) throws HL7Exception {
        cx.getIDNumber().setValue(ins.matricule().value());
        cx.getAssigningAuthority().getNamespaceID().setValue(insAuthority(ins.oid()));
        cx.getAssigningAuthority().getUniversalID().setValue(ins.oid().oid());
        cx.getAssigningAuthority().getUniversalIDType().setValue("ISO");
        cx.getIdentifierTypeCode().setValue("INS");
    }

    /** The assigning authority's name for an INS: the NIR's for NIR, test and demo matricules, the NIA's for a NIA. */
    static String insAuthority(InsOid oid) {
        return oid == InsOid.INS_NIA ? "ASIP-SANTE-INS-NIA" : "ASIP-SANTE-INS-NIR";
    }

    /** PID-7: {@code YYYYMMDD}, or as much of it as is known ({@code YYYYMM}, {@code YYYY}). */
    static String birthDate(BirthDate d) {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%04d", d.year()));
        if (d.month().isPresent()) {
            s.append(String.format(java.util.Locale.ROOT, "%02d", d.month().getAsInt()));
            if (d.day().isPresent()) {
                s.append(String.format(java.util.Locale.ROOT, "%02d", d.day().getAsInt()));
            }
        }
        return s.toString();
    }
}
