package fr.vigie.hub.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.siteca.DeviceCertificates;
import fr.vigie.provisioning.ProvisioningException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's access control, installed as a HiveMQ embedded extension; nobody connects
 * without it. On the plain loopback listener a client is the hub only if it gives the hub's
 * username and password ({@link HubMqttCredentials}); any other client, anonymous or not, is refused
 * at CONNECT, before the broker would hand it the session of a client id it reuses. On the TLS
 * listener a client is a device: its certificate chain (already checked by the TLS layer against the
 * site CA) is verified again with {@link DeviceCertificates#verify} at the current time, which adds
 * the CRL, usage and subject checks, and its client id must be the kiosk link's
 * {@code vigie-<site>-<kioskId>}. Every publish and subscription is then checked against
 * {@link DeviceAccessPolicy}: a refused QoS 1/2 publish is answered with a PUBACK/PUBREC
 * {@code NOT_AUTHORIZED} (MQTT 5; HiveMQ disconnects MQTT 3 and QoS 0 publishers instead) and is not
 * delivered; a refused subscription gets SUBACK {@code NOT_AUTHORIZED}. The log never names a client
 * id given on the hub's listener (it could be the hub's own). Thread-safe.
 */
final class BrokerAccessControl implements ExtensionMain, SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccessControl.class);
    static final String KIOSK_ATTRIBUTE = "vigie.kiosk";
    private static final String HUB = "hub";

    private final HubMqttCredentials hub;
    private final DeviceCertificates devices;
    private final Clock clock;
    private final int tlsPort;

    /**
     * @param hub the hub's credentials, required on the loopback listener
     * @param devices the site CA's device certificates, or null when there is no device listener
     * @param tlsPort the device listener's port, 0 when there is none
     */
    BrokerAccessControl(HubMqttCredentials hub, DeviceCertificates devices, Clock clock, int tlsPort) {
        this.hub = hub;
        this.devices = devices;
        this.clock = clock;
        this.tlsPort = tlsPort;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(in -> this);
        Services.securityRegistry().setAuthorizerProvider(in -> this);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectionInformation connection = input.getConnectionInformation();
        boolean deviceListener = tlsPort != 0 && connection.getListener().map(l -> l.getPort() == tlsPort).orElse(true);
        if (!deviceListener) {
            var connect = input.getConnectPacket();
            if (!hub.authenticates(connect.getUserName().orElse(null), connect.getPassword().orElse(null))) {
                LOG.warn("broker refused a client on the hub's listener from {}: {}", address(connection),
                        connect.getUserName().isEmpty() ? "anonymous" : "wrong username or password");
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "the hub's credentials are required");
                return;
            }
            connection.getConnectionAttributeStore().putAsString(KIOSK_ATTRIBUTE, HUB);
            output.authenticateSuccessfully();
            return;
        }
        String clientId = input.getClientInformation().getClientId();
        Optional<X509Certificate[]> chain = connection.getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificateChain);
        if (chain.isEmpty()) {
            LOG.warn("broker refused a device from {}: no client certificate", address(connection));
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "a device certificate is required");
            return;
        }
        KioskAddress kiosk;
        try {
            kiosk = devices.verify(List.of(chain.get()), clock.instant());
        } catch (ProvisioningException e) {
            LOG.warn("broker refused a device from {}: {}", address(connection), e.toString());
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, e.error().name());
            return;
        }
        if (!DeviceAccessPolicy.clientIdOf(kiosk).equals(clientId)) {
            LOG.warn("broker refused kiosk {}: its client id is not {}", kiosk, DeviceAccessPolicy.clientIdOf(kiosk));
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "client id must be " + DeviceAccessPolicy.clientIdOf(kiosk));
            return;
        }
        connection.getConnectionAttributeStore().putAsString(KIOSK_ATTRIBUTE, kiosk.toString());
        output.authenticateSuccessfully();
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        String topic = input.getPublishPacket().getTopic();
        Optional<DeviceAccessPolicy> policy = policyOf(input.getConnectionInformation().getConnectionAttributeStore());
        if (policy.isPresent() && policy.get().mayPublish(topic)) {
            output.authorizeSuccessfully();
        } else {
            LOG.warn("broker refused a publish by {} to '{}'", who(input.getConnectionInformation()), topic);
            output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not allowed to publish to " + topic);
        }
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        String filter = input.getSubscription().getTopicFilter();
        Optional<DeviceAccessPolicy> policy = policyOf(input.getConnectionInformation().getConnectionAttributeStore());
        if (policy.isPresent() && policy.get().maySubscribe(filter)) {
            output.authorizeSuccessfully();
        } else {
            LOG.warn("broker refused a subscription by {} to '{}'", who(input.getConnectionInformation()), filter);
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not allowed to subscribe to " + filter);
        }
    }

    /** Disconnects the kiosk's session if it is connected; its next connect meets the CRL. */
    CompletableFuture<Boolean> disconnect(KioskAddress kiosk) {
        return Services.clientService().disconnectClient(DeviceAccessPolicy.clientIdOf(kiosk), false,
                DisconnectReasonCode.NOT_AUTHORIZED, "device certificate revoked");
    }

    private static String address(ConnectionInformation connection) {
        return connection.getInetAddress().map(a -> a.getHostAddress()).orElse("an unknown address");
    }

    /** A client as the log may name it: its kiosk, or "the hub", never a client id. */
    private static String who(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore().getAsString(KIOSK_ATTRIBUTE)
                .map(v -> HUB.equals(v) ? "the hub" : "kiosk " + v).orElse("an unauthenticated client");
    }

    private static Optional<DeviceAccessPolicy> policyOf(ConnectionAttributeStore attributes) {
        return attributes.getAsString(KIOSK_ATTRIBUTE).map(value -> {
            if (HUB.equals(value)) {
                return DeviceAccessPolicy.hub();
            }
            int slash = value.indexOf('/');
            return DeviceAccessPolicy.device(KioskAddress.of(value.substring(0, slash), value.substring(slash + 1)));
        });
    }
}
