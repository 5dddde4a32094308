package fr.vigie.protocol.device;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdentityError;
import fr.vigie.protocol.identity.RnivStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A valid request and answer of every route, and every refusal shape: the samples of the contract tests. */
final class DeviceSamples {
    static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");
    static final Instant AT = Instant.parse("2025-03-14T09:26:53Z");
    static final String SESSION = "s-4f2a";

    private DeviceSamples() {
    }

    static ConfigBundle config() {
        return new ConfigBundle(KIOSK.site(), KIOSK.kioskId(), 1, AT, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
                ProtocolCodec.SCHEMA_VERSION);
    }

    static EnrolmentResult result() {
        return EnrolmentResult.of(KIOSK, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", config());
    }

    static AdmittedIdentity qualified() {
        return new AdmittedIdentity(1207, RnivStatus.QUAL, "DUPONT", "MARIE CLAIRE", "F", "1980-03-17",
                Optional.of("75056"), Optional.empty(), Optional.of("CLAIRE"), Optional.of(new IdentityIns(
                        Optional.of("280037505612345"), "2800375056****", Optional.of("1.2.250.1.213.1.4.8"))),
                Optional.of(HighTrustDocument.PASSPORT));
    }

    static AdmissionAnswer admitted() {
        return new AdmissionAnswer(IdentitySource.TRAITS, qualified(), List.of(new DifferingTrait("ListePrenom",
                Optional.of("MARIE"), Optional.of("MARIE CLAIRE"))), 1, List.of(new InsiStep(InsiQuery.PREMIER_PRENOM,
                "02"), new InsiStep(InsiQuery.FULL_LIST, "00")), Optional.of(InsiQuery.FULL_LIST));
    }

    static ComparedIdentities compared() {
        ComparedTraits local = new ComparedTraits("DUPONT", "MARIE", "F", "1980-03-17", Optional.empty(),
                Optional.empty());
        ComparedTraits returned = new ComparedTraits("DURAND", "MARIE", "F", "1980-03-17", Optional.of("75056"),
                Optional.of("2800375056****"));
        return new ComparedIdentities(IdentitySource.VITALE, 1207, RnivStatus.PROV, local, returned,
                List.of(new DifferingTrait("NomNaissance", Optional.of("DUPONT"), Optional.of("DURAND"))),
                Optional.of(33L), Optional.empty());
    }

    static Exercice exercice() {
        return new Exercice("60", "C", "", "MARTIN", "CLAIRE", List.of("CH DE VIGIE - SITE NORD"));
    }

    /** A valid request body of every route that takes one. */
    static Map<DeviceRoute<?, ?>, Record> requests() {
        Map<DeviceRoute<?, ?>, Record> r = new LinkedHashMap<>();
        r.put(EnrolmentApi.SUBMIT, EnrolmentRequest.of(KIOSK, "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n"
                + "-----END CERTIFICATE REQUEST-----\n", "K7F2-9QXM", Optional.of("0123456789abcdef.secret")));
        r.put(CertificateApi.RENEW, new RenewalRequest("-----BEGIN CERTIFICATE REQUEST-----\n"));
        r.put(AgentApi.NONCE, new NonceRequest(SESSION));
        r.put(AgentApi.PROOF, CardProofRequest.of(new byte[32], new byte[] {1, 2, 3}, new byte[] {48, 1, 0},
                List.of(new byte[] {48, 2, 0, 0})));
        r.put(AgentApi.PSC_PROOF, new PscProofRequest(SESSION, "9f3c0a"));
        r.put(AgentApi.END, new EndRequest(SESSION, EndReason.LOCKED));
        r.put(SsoApi.NONCE, new NonceRequest(SESSION));
        r.put(SsoApi.CARD_SESSION, new SsoCardRequest(CardProofRequest.of(new byte[32], new byte[] {1, 2, 3},
                new byte[] {48, 1, 0}, List.of()), SsoFactor.CONTACTLESS_TAP, Optional.of(new SsoExercice("60",
                Optional.of("SM54"), Optional.of("750712184"), Optional.of("CHU de Paris")))));
        r.put(SsoApi.PSC_SESSION, new PscProofRequest(SESSION, "9f3c0a"));
        r.put(SsoApi.TICKET, new SsoTicketRequest(SESSION));
        r.put(SsoApi.END, new EndRequest(SESSION, EndReason.CLOSED));
        r.put(AdmissionApi.TRAITS, new TraitsRequest(Optional.of(1207L), "DUPONT", "MARIE CLAIRE", "F",
                "1980-03-17", Optional.of("75056"), Optional.empty(), Optional.empty()));
        r.put(AdmissionApi.VITALE, new VitaleRequest(Optional.empty(), "280037505612345", "180037505698765",
                "DUPONT", "1980-03-17", Optional.of(1)));
        r.put(AdmissionApi.APCV, new ApcvRequest(Optional.empty(), "APCV1.eyJ.e30.c2ln"));
        r.put(AdmissionApi.DOCUMENT, new DocumentRequest("PASSPORT"));
        r.put(CibaApi.START, new CibaStartRequest("810099900028", CibaChannel.MOBILE, SESSION));
        r.put(CibaApi.EXERCICE, new ExerciceChoice(0));
        return r;
    }

    /** A valid answer of every route that answers a JSON record. */
    static Map<DeviceRoute<?, ?>, List<Record>> answers() {
        Map<DeviceRoute<?, ?>, List<Record>> a = new LinkedHashMap<>();
        a.put(EnrolmentApi.PING, List.of(new PingAnswer("chu-nord")));
        a.put(EnrolmentApi.SUBMIT, List.of(new EnrolmentTicket("3b1f6a52-7c1e-4b57-9a0e-0f1d2c3b4a59",
                EnrolmentStatus.PENDING)));
        a.put(EnrolmentApi.PROGRESS, List.of(
                new EnrolmentProgress("3b1f6a52-7c1e-4b57-9a0e-0f1d2c3b4a59", EnrolmentStatus.PENDING,
                        Optional.empty(), Optional.empty()),
                new EnrolmentProgress("3b1f6a52-7c1e-4b57-9a0e-0f1d2c3b4a59", EnrolmentStatus.REJECTED,
                        Optional.of(EnrolmentApi.SUPERSEDED), Optional.empty()),
                new EnrolmentProgress("3b1f6a52-7c1e-4b57-9a0e-0f1d2c3b4a59", EnrolmentStatus.ISSUED,
                        Optional.empty(), Optional.of(result()))));
        a.put(CertificateApi.SIGNING_KEY, List.of(new SigningKeyAnswer("config-2025",
                "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n")));
        a.put(SoftwareApi.REPOSITORY_KEY, List.of(new RepositoryKeyAnswer("0123456789ABCDEF0123456789ABCDEF01234567",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDME\n-----END PGP PUBLIC KEY BLOCK-----\n")));
        a.put(CertificateApi.RENEW, List.of(new RenewalAnswer("-----BEGIN CERTIFICATE-----\n")));
        a.put(CertificateApi.INSTALLED, List.of(new InstalledAnswer(1)));
        a.put(IgcSanteApi.CRLS, List.of(new CrlsAnswer(List.of(Base64.getEncoder().encodeToString(new byte[] {48, 3})))));
        a.put(AgentApi.NONCE, List.of(NonceAnswer.of(new byte[AgentApi.NONCE_BYTES], AT)));
        a.put(AgentApi.PROOF, List.of(new AgentBindingAnswer("810001234565", ProofMethod.CARD, SESSION, AT)));
        a.put(AgentApi.PSC_PROOF, List.of(new AgentBindingAnswer("810001234565", ProofMethod.PSC, SESSION, AT)));
        a.put(SsoApi.NONCE, List.of(NonceAnswer.of(new byte[AgentApi.NONCE_BYTES], AT)));
        a.put(SsoApi.CARD_SESSION, List.of(new SsoSessionAnswer("810001234565", SESSION, "urn:vigie:acr:cps-pin", AT)));
        a.put(SsoApi.PSC_SESSION, List.of(new SsoSessionAnswer("810001234565", SESSION, "eidas1", AT)));
        a.put(SsoApi.TICKET, List.of(new SsoTicketAnswer("t-0123456789abcdef", AT,
                "https://hub.chu-nord.local:9443/authorize")));
        a.put(SsoApi.APPLICATIONS, List.of(new SsoApplicationsAnswer("https://hub.chu-nord.local:9443", List.of(
                new SsoApplication("dpi", "Dossier patient", "https://dpi.chu-nord.local/login", "urn:vigie:acr:cps-pin"))),
                new SsoApplicationsAnswer("https://hub.chu-nord.local:9443", List.of())));
        List<Record> admission = List.of(admitted(), new AdmissionAnswer(IdentitySource.APCV, new AdmittedIdentity(5,
                RnivStatus.RECUP, "DUPONT", "MARIE", "F", "1980-00-00", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), List.of(), 0, List.of(), Optional.empty()));
        a.put(AdmissionApi.TRAITS, admission);
        a.put(AdmissionApi.VITALE, admission);
        a.put(AdmissionApi.APCV, admission);
        a.put(AdmissionApi.DOCUMENT, admission);
        a.put(CibaApi.START, List.of(new CibaStartAnswer("9f3c0a", "42", 5, AT)));
        a.put(CibaApi.STATUS, List.of(CibaStatusAnswer.pending("42", AT),
                CibaStatusAnswer.bound(new Professional("810099900028", "CLAIRE", "MARTIN"), List.of(exercice()),
                        Optional.of(0), AT),
                CibaStatusAnswer.bound(new Professional("810099900028", "CLAIRE", "MARTIN"), List.of(exercice(),
                        exercice()), Optional.empty(), AT),
                CibaStatusAnswer.refused(CibaError.PSC_ACCESS_DENIED), CibaStatusAnswer.failed(CibaError.PSC_UNREACHABLE)));
        a.put(CibaApi.EXERCICE, List.of(exercice()));
        return a;
    }

    /** Refusals of every shape. */
    static List<Refusal> refusals() {
        List<Refusal> r = new ArrayList<>();
        r.add(Refusal.of(AgentError.AGENT_NOT_PROVEN, "no agent is proven at this kiosk"));
        r.add(new Refusal(AdmissionError.INSI_TRAITS_REJECTED, "traits refused", Optional.of(List.of(new TraitRejection(
                "NomNaissance", IdentityError.TRAIT_FORBIDDEN_CHARACTER, "forbidden character"))), Optional.empty()));
        r.add(new Refusal(AdmissionError.IDENTITY_MISMATCH, "another person", Optional.empty(), Optional.of(compared())));
        return r;
    }
}
