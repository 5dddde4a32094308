package fr.vigie.hub;

import fr.vigie.hub.deviceapi.DeviceApi;
import fr.vigie.hub.enrol.EnrolmentAdminRoutes;
import fr.vigie.hub.fhir.FhirRoutes;
import fr.vigie.hub.gam.GamRoutes;
import fr.vigie.hub.http.RequestGate;
import fr.vigie.hub.igcsante.CrlRoutes;
import fr.vigie.hub.metrics.HubMetrics;
import fr.vigie.hub.software.SoftwareAdminRoutes;
import fr.vigie.hub.web.AuditRoutes;
import fr.vigie.hub.web.DeviceRoleRoutes;
import fr.vigie.hub.web.FleetRoutes;
import fr.vigie.hub.web.Health;
import fr.vigie.hub.web.HttpApi;
import fr.vigie.hub.web.IdentityRoutes;
import fr.vigie.hub.web.InsiCallRoutes;
import fr.vigie.hub.web.PrescriptionRoutes;
import fr.vigie.hub.web.StaffRoutes;
import fr.vigie.hub.sso.OpenIdProvider;
import fr.vigie.hub.directory.AccountLinkRoutes;
import fr.vigie.hub.sso.SsoClientRoutes;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;

/**
 * The hub's HTTP listeners (two, three with the OpenID Provider's own HTTPS listener, {@code hub.sso.*}): the console and REST API for IT staff ({@code hub.http.*}, every
 * feature's admin routes mounted on it, the GAM feed's page and the FHIR API included) and the device API for kiosks (mutual TLS with the site CA,
 * {@code hub.device-api.*}, every feature's device routes). Built by {@link #start}; thread-safe.
 */
final class HubServers {
    final HttpApi http;
    final DeviceApi deviceApi;
    final java.util.Optional<OpenIdProvider> openIdProvider;

    private HubServers(HttpApi http, DeviceApi deviceApi, java.util.Optional<OpenIdProvider> openIdProvider) {
        this.http = http;
        this.deviceApi = deviceApi;
        this.openIdProvider = openIdProvider;
    }

    static HubServers start(HubConfig config, HubFoundation base, HubRegistries registries, KioskServices kiosks,
            HubMetrics metrics, Health.Probe health, Clock clock, StartedParts started) {
        HttpApi http = started.add(HttpApi.start(config.httpBind(), config.httpPort(),
                RequestGate.forHosts(config.httpNames()).accepting(SoftwareAdminRoutes.PACKAGES, SoftwareAdminRoutes.DEB),
                registries.devices, registries.eventQuery, metrics, health,
                app -> adminRoutes(app, config, registries, kiosks, clock)));
        HubPkiConfig pki = config.pki();
        DeviceApi deviceApi = started.add(DeviceApi.start(pki.deviceApiBind(), pki.deviceApiPort(), pki.dnsNames(),
                pki.ipAddresses(), base.keys.ca(), clock, kiosks.deviceRoutes()));
        java.util.Optional<OpenIdProvider> op = OpenIdProvider.start(kiosks.sso, pki.dnsNames(), pki.ipAddresses(),
                base.keys.ca());
        op.ifPresent(started::add);
        return new HubServers(http, deviceApi, op);
    }

    private static void adminRoutes(Javalin app, HubConfig config, HubRegistries r, KioskServices k, Clock clock) {
        CrlRoutes.mount(app, k.crls);
        StaffRoutes.mount(app, r.staff, r.audit, r.signInsThrottled);
        IdentityRoutes.mount(app, r.identities, r.audit);
        PrescriptionRoutes.mount(app, r.identities, r.prescriptions);
        AuditRoutes.mount(app, r.audit, r.auditAnchor);
        InsiCallRoutes.mount(app, r.insiCalls);
        EnrolmentAdminRoutes.mount(app, k.enrolments);
        FleetRoutes.mount(app, k.fleet);
        DeviceRoleRoutes.mount(app, k.agents);
        GamRoutes.mount(app, r.gam, clock);
        FhirRoutes.mount(app, r.identities, r.staff, r.audit, clock, patientIdSystem(config));
        SsoClientRoutes.mount(app, k.sso);
        AccountLinkRoutes.mount(app, k.accountLinks, k.directory);
        SoftwareAdminRoutes.mount(app, k.software, k.repositoryKey, k.softwareRollouts, r.audit);
    }

    /**
     * The identifier system of the hub's record ids in the FHIR API: {@code urn:oid:} and {@code hub.gam.patient-id-oid}
     * (the domain the GAM feed's PID-3 names too), or, without one, {@code urn:vigie:<site>:patient}.
     */
    static String patientIdSystem(HubConfig config) {
        return config.gam().patientIdOidIfAny().map(oid -> "urn:oid:" + oid)
                .orElse("urn:vigie:" + config.pki().site() + ":patient");
    }

    /** The console's base URI, e.g. {@code http://127.0.0.1:8080} (loopback for a wildcard bind). */
    URI httpUri(String bind) {
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind.equals("::") || bind.equals("[::]") ? "::1" : bind;
        return http.uri(host);
    }
}
