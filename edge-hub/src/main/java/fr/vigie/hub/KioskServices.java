package fr.vigie.hub;

import fr.vigie.hub.admission.AdmissionDeviceRoutes;
import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.admission.AuditLogAdmissionAudit;
import fr.vigie.hub.agent.AgentDeviceRoutes;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.db.DataSeal;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.directory.AccountLinks;
import fr.vigie.hub.directory.DirectoryAccounts;
import fr.vigie.hub.directory.LdapDirectory;
import fr.vigie.hub.enrol.EnrolmentDeviceRoutes;
import fr.vigie.hub.enrol.Enrolments;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.igcsante.CardCertificates;
import fr.vigie.hub.igcsante.CrlDeviceRoutes;
import fr.vigie.hub.igcsante.CrlDistribution;
import fr.vigie.hub.psc.kiosk.KioskCiba;
import fr.vigie.hub.psc.kiosk.KioskPsc;
import fr.vigie.hub.sso.LocalAccounts;
import fr.vigie.hub.sso.PscSignIns;
import fr.vigie.hub.sso.SingleSignOn;
import fr.vigie.hub.sso.SsoDeviceRoutes;
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
import java.util.Optional;

/**
 * What the hub does for its kiosks: enrolment and certificates, fleet management (signed
 * configurations and commands), the IGC-Santé CRLs and the hub's own card checks, who acts at each
 * desk (card or PSC proof), identity qualification at admission through the INSi and ApCV gateways,
 * clinicians' sign-ins through Pro Santé Connect (CIBA) and their single sign-on into the site's applications
 * ({@code hub.sso.*}) with their local accounts ({@code hub.directory.*}), and the signed package repository kiosks
 * update from, with their routes on the device API.
 * Built by {@link #start}; thread-safe.
 */
final class KioskServices {
    final Enrolments enrolments;
    final Fleet fleet;
    final CrlDistribution crls;
    final KioskPsc psc;
    final ProvenAgents agents;
    final AdmissionService admission;
    final SingleSignOn sso;
    final AccountLinks accountLinks;
    final Optional<DirectoryAccounts> directory;
    final AptRepository software;
    final RepositorySigningKey repositoryKey;
    final SoftwareRollouts softwareRollouts;

    private KioskServices(Enrolments enrolments, Fleet fleet, CrlDistribution crls, KioskPsc psc, ProvenAgents agents,
            AdmissionService admission, SingleSignOn sso, AccountLinks accountLinks,
            Optional<DirectoryAccounts> directory, AptRepository software, RepositorySigningKey repositoryKey,
            SoftwareRollouts softwareRollouts) {
        this.sso = sso;
        this.accountLinks = accountLinks;
        this.directory = directory;
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
        AccountLinks links = new AccountLinks(registries.dataSource, registries.audit, clock);
        Optional<DirectoryAccounts> directory = config.gateways().directory().map(d -> new DirectoryAccounts(
                new LdapDirectory(d, clock), links));
        SingleSignOn sso = started.add(SingleSignOn.create(config.sso(), registries.dataSource,
                new DataSeal(base.keys.dataKey(), new SecureRandom()), registries.audit, agents,
                (kiosk, request, session) -> psc.boundSignIn(kiosk, request, session).map(KioskServices::pscSignIn),
                directory.<LocalAccounts>map(a -> a).orElse(LocalAccounts.NONE), clock, new SecureRandom()));
        AptRepository software = new AptRepository(config.dataDir().resolve(HubKeys.SOFTWARE_DIR).resolve("repository"),
                base.keys.repositoryKey(), config.pki().site(), clock);
        SoftwareRollouts softwareRollouts = new SoftwareRollouts(registries.dataSource, software, (kiosk, args, actor) ->
                fleet.commands().send(kiosk, CommandName.UPDATE_SOFTWARE.wireName(), args, actor).requestId(),
                registries.audit, clock);
        started.add(softwareRollouts.drive(Duration.ofSeconds(5)));
        return new KioskServices(enrolments, fleet, crls, psc, agents, admission, sso, links, directory, software,
                base.keys.repositoryKey(), softwareRollouts);
    }

    /** A bound PSC sign-in as the OP takes it: the chosen exercice, or every exercice when none was chosen. */
    private static PscSignIns.PscSignIn pscSignIn(KioskCiba.BoundSignIn b) {
        var exercices = b.bound().chosen().map(i -> List.of(b.bound().exercices().get(i)))
                .orElse(b.bound().exercices());
        return new PscSignIns.PscSignIn(b.professional(), b.bound().who().familyName(), b.bound().who().givenName(),
                exercices);
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
                new AgentDeviceRoutes(agents), new AdmissionDeviceRoutes(admission, agents), new SsoDeviceRoutes(sso),
                new SoftwareDeviceRoutes(software, repositoryKey));
    }
}
