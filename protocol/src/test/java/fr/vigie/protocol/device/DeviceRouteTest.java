package fr.vigie.protocol.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every path of the device API, as both sides use it. */
class DeviceRouteTest {
    private static final List<Class<?>> CATALOGUES = List.of(EnrolmentApi.class, CertificateApi.class,
            IgcSanteApi.class, AgentApi.class, AdmissionApi.class, CibaApi.class, SsoApi.class, SoftwareApi.class);

    @Test
    void theDeviceApiIsExactlyTheseRoutes() {
        assertEquals(List.of(
                "GET /enrol/v1/ping",
                "POST /enrol/v1/requests",
                "GET /enrol/v1/requests/{id}",
                "GET /enrol/v1/crl",
                "GET /device/v1/config/signing-key",
                "POST /device/v1/certificate/renew",
                "POST /device/v1/certificate/installed",
                "GET /device/v1/igc-sante/crls",
                "GET /pki/v1/igc-sante/crls",
                "POST /device/v1/agent/nonce",
                "POST /device/v1/agent/proof",
                "POST /device/v1/agent/proof/psc",
                "POST /device/v1/agent/end",
                "POST /device/v1/admission/traits",
                "POST /device/v1/admission/vitale",
                "POST /device/v1/admission/apcv",
                "POST /device/v1/admission/{id}/document",
                "POST /device/v1/psc/ciba",
                "GET /device/v1/psc/ciba/{requestId}",
                "POST /device/v1/psc/ciba/{requestId}/exercice",
                "POST /device/v1/sso/nonce",
                "POST /device/v1/sso/session",
                "POST /device/v1/sso/session/psc",
                "POST /device/v1/sso/ticket",
                "POST /device/v1/sso/end",
                "GET /device/v1/sso/applications",
                "GET /device/v1/software/repository-key"),
                DeviceRoute.all().stream().map(DeviceRoute::toString).toList());
    }

    @Test
    void everyRouteDeclaredInACatalogueIsListedOnce() throws Exception {
        Set<DeviceRoute<?, ?>> declared = new HashSet<>();
        for (Class<?> c : CATALOGUES) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == DeviceRoute.class) {
                    declared.add((DeviceRoute<?, ?>) f.get(null));
                }
            }
        }
        assertEquals(declared, Set.copyOf(DeviceRoute.all()));
        assertEquals(DeviceRoute.all().size(), Set.copyOf(DeviceRoute.all()).size());
    }

    @Test
    void onlyEnrolmentAndThePublicCrlsAreServedWithoutTheKiosksCertificate() {
        assertEquals(List.of(EnrolmentApi.PING, EnrolmentApi.SUBMIT, EnrolmentApi.PROGRESS, EnrolmentApi.SITE_CRL,
                IgcSanteApi.PUBLIC_CRLS), DeviceRoute.all().stream().filter(r -> !r.authenticated()).toList());
    }

    @Test
    void successStatusesAreThoseKiosksAlreadyExpect() {
        assertEquals(201, AgentApi.NONCE.status(null));
        assertEquals(204, AgentApi.END.status(null));
        assertEquals(201, CibaApi.START.status(null));
        assertEquals(201, EnrolmentApi.SUBMIT.status(new EnrolmentTicket("e", EnrolmentStatus.ISSUED)));
        assertEquals(202, EnrolmentApi.SUBMIT.status(new EnrolmentTicket("e", EnrolmentStatus.PENDING)));
        assertEquals(200, AdmissionApi.DOCUMENT.status(null));
        assertEquals(DeviceRoute.Media.NONE, AgentApi.END.media());
        assertEquals(DeviceRoute.Media.PEM, IgcSanteApi.PUBLIC_CRLS.media());
        assertEquals(DeviceRoute.Media.PEM, EnrolmentApi.SITE_CRL.media());
    }

    @Test
    void everyRouteRefusesABadRequestWith400() {
        for (DeviceRoute<?, ?> route : DeviceRoute.all()) {
            assertEquals(400, route.invalidRequest().status(), route.toString());
        }
        assertEquals(AgentError.AGENT_PROOF_INVALID, AgentApi.PROOF.invalidRequest());
        assertEquals(CibaError.CIBA_REQUEST_INVALID, CibaApi.START.invalidRequest());
        assertEquals(EnrolmentError.ENROLMENT_MALFORMED, EnrolmentApi.SUBMIT.invalidRequest());
        assertEquals(EnrolmentError.INVALID_PARAMETER, CertificateApi.RENEW.invalidRequest());
        assertEquals(DeviceApiError.BAD_REQUEST, AdmissionApi.TRAITS.invalidRequest());
    }

    @Test
    void aPathIsTheTemplateWithItsParametersInPlace() {
        assertEquals(List.of("id"), AdmissionApi.DOCUMENT.parameters());
        assertEquals("/device/v1/admission/1207/document", AdmissionApi.DOCUMENT.path("1207"));
        assertEquals("/device/v1/psc/ciba/9f3c0a/exercice", CibaApi.EXERCICE.path("9f3c0a"));
        assertEquals("/enrol/v1/requests/3b1f6a52-7c1e-4b57-9a0e-0f1d2c3b4a59",
                EnrolmentApi.PROGRESS.path("3b1f6a52-7c1e-4b57-9a0e-0f1d2c3b4a59"));
        assertEquals("/device/v1/agent/nonce", AgentApi.NONCE.path());
    }

    @Test
    void aParameterThatIsNotOnePlainSegmentIsRefused() {
        for (String bad : new String[] {"", "..%2f", "a/b", "a b", "x?y=1", "a#b", "é", "x".repeat(129)}) {
            assertThrows(IllegalArgumentException.class, () -> CibaApi.STATUS.path(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> CibaApi.STATUS.path((String) null));
        assertThrows(IllegalArgumentException.class, () -> CibaApi.STATUS.path());
        assertThrows(IllegalArgumentException.class, () -> AgentApi.NONCE.path("x"));
    }

    @Test
    void aTemplateOutsideTheShapeOfThePathsIsRefused() {
        for (String bad : new String[] {"device/v1/x", "/device/v1/x/", "/device/v1/x?y", "/device//x", "/Device/v1"}) {
            assertThrows(IllegalArgumentException.class, () -> DeviceRoute.get(bad, PingAnswer.class,
                    DeviceApiError.BAD_REQUEST), bad);
        }
    }

    @Test
    void everyRecordOfThePackageTravelsOnSomeRoute() throws URISyntaxException {
        Set<String> reachable = new TreeSet<>();
        for (DeviceRoute<?, ?> r : DeviceRoute.all()) {
            collect(r.requestType(), reachable);
            collect(r.answerType(), reachable);
        }
        collect(Refusal.class, reachable);
        Set<String> records = new TreeSet<>();
        File dir = new File(DeviceRoute.class.getResource("DeviceRoute.class").toURI()).getParentFile();
        for (String f : dir.list()) {
            if (f.endsWith(".class") && !f.contains("$")) {
                try {
                    Class<?> c = Class.forName("fr.vigie.protocol.device." + f.replace(".class", ""));
                    if (c.isRecord() && Modifier.isPublic(c.getModifiers())) {
                        records.add(c.getSimpleName());
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertTrue(records.size() > 30, records.toString());
        assertEquals(records, reachable);
    }

    private static void collect(java.lang.reflect.Type type, Set<String> out) {
        Class<?> c = type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            for (java.lang.reflect.Type a : p.getActualTypeArguments()) {
                collect(a, out);
            }
        }
        if (c.isRecord() && c.getPackageName().equals("fr.vigie.protocol.device") && out.add(c.getSimpleName())) {
            for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), out);
            }
        }
    }

    @Test
    void samplesCoverEveryRoute() {
        Map<DeviceRoute<?, ?>, Record> requests = DeviceSamples.requests();
        assertTrue(DeviceRoute.all().stream().filter(DeviceRoute::hasBody).allMatch(requests::containsKey));
        assertEquals(Optional.empty(), DeviceRoute.all().stream().filter(r -> r.method() == DeviceRoute.Method.GET)
                .filter(DeviceRoute::hasBody).findAny());
    }
}
