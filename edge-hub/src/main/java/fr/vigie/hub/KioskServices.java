package fr.vigie.hub;

import fr.vigie.hub.admission.AdmissionDeviceRoutes;
import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.admission.AuditLogAdmissionAudit;
import fr.vigie.hub.agent.AgentDeviceRoutes;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.enrol.EnrolmentDeviceRoutes;
import fr.vigie.hub.enrol.Enrolments;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.igcsante.CardCertificates;
import fr.vigie.hub.igcsante.CrlDeviceRoutes;
import fr.vigie.hub.igcsante.CrlDistribution;
import fr.vigie.hub.psc.kiosk.KioskPsc;
import fr.vigie.hub.software.AptRepository;
import fr.vigie.hub.software.RepositorySigningKey;
import fr.vigie.hub.software.SoftwareDeviceRoutes;
import fr.vigie.hub.software.SoftwareRollouts;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.security.SecureRandom;
import fr.vigie.protocol.CommandName;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What the hub does for its kiosks: enrolment and certificates, fleet management (signed
 * configurations and commands), the IGC-Santé CRLs and the hub's own card checks, who acts at each
 * desk (card or PSC proof), identity qualification at admission through the INSi and ApCV gateways,
 * clinicians' sign-ins through Pro Santé Connect (CIBA), and the signed package repository kiosks update from,
 * with their routes on the device API.
 * Built by {@link #start}; thread-safe.
 */
final class KioskServices {
    final Enrolments enrolments;
    final Fleet fleet;
    final CrlDistribution crls;
    final KioskPsc psc;
    final ProvenAgents agents;
    final AdmissionService admission;
    final AptRepository software;
    final RepositorySigningKey repositoryKey;
    final SoftwareRollouts softwareRollouts;

    private KioskServices(Enrolments enrolments, Fleet fleet, CrlDistribution crls, KioskPsc psc, ProvenAgents agents,
            AdmissionService admission, AptRepository software, RepositorySigningKey repositoryKey,
            SoftwareRollouts softwareRollouts) {
        this.enrolments = enrolments;
        this.fleet = fleet;
        this.crls = crls;
        this.psc = psc;
        this.agents = agents;
        this.admission = admission;
        this.software = software;
        this.repositoryKey = repositoryKey;
        this.softwareRollouts = softwareRollouts;
    }

    static KioskServices start(HubConfig config, HubFoundation base, HubRegistries registries, Clock clock,
            StartedParts started) throws Exception {
        HubGateways gateways = HubGateways.build(config.gateways(), registries.insiCalls, base.directory.instanceId(),
                clock);
        Enrolments enrolments = started.add(new Enrolments(registries.dataSource, base.keys.ca(),
                base.keys.configKey(), registries.audit, clock, base::disconnectRevoked, config.enrolLimits()));
        Fleet fleet = started.add(Fleet.start(base.keys.configKey(), registries.dataSource, registries.audit,
                base.mqttUrl, base.mqttCredentials, base.broker == null, clock));
        CrlDistribution crls = new CrlDistribution(config.igcSanteCrlFiles());
        KioskPsc psc = started.add(KioskPsc.start(gateways.psc(), registries.audit, registries.dataSource,
                new DataSeal(base.keys.dataKey(), new SecureRandom()), base.directory.instanceId(), clock));
        ProvenAgents agents = ProvenAgents.create(registries.dataSource, registries.audit,
                cardCertificates(config, crls, clock), psc::boundProfessional, clock, new SecureRandom());
        AdmissionService admission = new AdmissionService(registries.identities, registries.dataSource,
                gateways.insi().orElse(null), gateways.apcv(), new AuditLogAdmissionAudit(registries.audit), clock);
        AptRepository software = new AptRepository(config.dataDir().resolve(HubKeys.SOFTWARE_DIR).resolve("repository"),
                base.keys.repositoryKey(), config.pki().site(), clock);
        SoftwareRollouts softwareRollouts = new SoftwareRollouts(registries.dataSource, software, (kiosk, args, actor) ->
                fleet.commands().send(kiosk, CommandName.UPDATE_SOFTWARE.wireName(), args, actor).requestId(),
                registries.audit, clock);
        started.add(softwareRollouts.drive(Duration.ofSeconds(5)));
        return new KioskServices(enrolments, fleet, crls, psc, agents, admission, software, base.keys.repositoryKey(),
                softwareRollouts);
    }

    /** How the hub checks agents' card certificates: the anchors of {@code hub.igc-sante.anchors}, with the CRLs it distributes. */
    private static CardCertificates cardCertificates(HubConfig config, CrlDistribution crls, Clock clock) {
        try {
            return CardCertificates.load(config.igcSanteAnchors(), crls, clock);
        } catch (IOException | ProvisioningException e) {
            throw new IllegalArgumentException(HubConfig.IGC_SANTE_ANCHORS + " " + config.igcSanteAnchors()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The features' routes on the device API; a feature adds its {@link DeviceRoutes} here. */
    List<DeviceRoutes> deviceRoutes() {
        return List.of(new EnrolmentDeviceRoutes(enrolments), new CrlDeviceRoutes(crls), psc,
                new AgentDeviceRoutes(agents), new AdmissionDeviceRoutes(admission, agents),
                new SoftwareDeviceRoutes(software, repositoryKey));
    }
}
