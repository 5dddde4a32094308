package fr.vigie.hub.broker;

import static fr.vigie.hub.broker.SitePki.A;
import static fr.vigie.hub.broker.SitePki.B;
import static fr.vigie.hub.broker.SitePki.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.protocol.KioskAddress;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.function.Executable;
import fr.vigie.protocol.Topics;
import fr.vigie.provisioning.RevocationReason;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * The broker access-control scenario that every broker the hub supports must pass: nobody gets in
 * anonymously on any listener; the hub's listener takes only the hub's credentials, and a client
 * reusing one of the hub's client ids without them neither gets in nor takes the hub's session; a
 * device speaks only for itself, and only with a valid, unrevoked certificate of this site's CA; only
 * the hub reads the event, status and reply trees and writes commands and configurations. Subclasses
 * start the broker with {@link #pki} and {@link #hubCredentials} and tell where devices and the hub
 * connect.
 */
abstract class BrokerAccessContract {
    static SitePki pki;
    static HubMqttCredentials hubCredentials;

    abstract String deviceUrl();

    /** The hub's own (loopback) listener. */
    abstract String hubUrl();

    /** Tells the broker that {@code kiosk}'s certificate was just revoked at the site CA. */
    abstract void afterRevocation(KioskAddress kiosk) throws Exception;

    /** Whether a connected device is disconnected by {@link #afterRevocation}. */
    abstract boolean disconnectsOnRevocation();

    MqttProbe device(SitePki.Credential credential) throws MqttException {
        return MqttProbe.connect(deviceUrl(), DeviceAccessPolicy.clientIdOf(credential.kiosk()), credential.ssl());
    }

    MqttProbe hub(String name) throws MqttException {
        return MqttProbe.connect(hubUrl(), hubCredentials.clientId(name), null, hubCredentials);
    }

    /** The hub's username with a password that is not the hub's. */
    static void wrongPassword(MqttConnectionOptions options) {
        options.setUserName(HubMqttCredentials.USERNAME);
        options.setPassword("vigie".getBytes(StandardCharsets.US_ASCII));
    }

    /** The broker refused the CONNECT itself (not authorised, or bad user name or password). */
    static void assertRefusedAtConnect(Executable connect) {
        MqttException e = assertThrows(MqttException.class, connect);
        assertTrue(e.getReasonCode() == 0x86 || e.getReasonCode() == 0x87 || e.getReasonCode() == 4
                || e.getReasonCode() == 5, "CONNACK reason " + e.getReasonCode() + ": " + e);
    }

    @Test
    void anonymousAndGuessingClientsAreRefusedOnEveryListener() throws Exception {
        assertRefusedAtConnect(() -> MqttProbe.connect(hubUrl(), "anonymous-reader", null));
        assertRefusedAtConnect(() -> MqttProbe.connect(hubUrl(), "guesser", null, BrokerAccessContract::wrongPassword));
        assertRefusedAtConnect(() -> MqttProbe.connect(hubUrl(), "kiosk-with-a-guess", null, o -> {
            o.setUserName(A.kioskId());
            o.setPassword(A.kioskId().getBytes(StandardCharsets.US_ASCII));
        }));
        // the device listener: TLS without a client certificate fails in the handshake, anonymous or not
        assertThrows(MqttException.class, () -> MqttProbe.connect(deviceUrl(), "anonymous", pki.noClientCertificate()));
        assertThrows(MqttException.class, () -> MqttProbe.connect(deviceUrl(), "guesser", pki.noClientCertificate(),
                BrokerAccessContract::wrongPassword));
    }

    @Test
    void clientReusingTheHubsClientIdWithoutTheSecretIsRefusedAndTheHubKeepsItsSession() throws Exception {
        String hubId = hubCredentials.clientId("ingest-test");
        try (MqttProbe hub = MqttProbe.connect(hubUrl(), hubId, null, o -> {
                    hubCredentials.applyTo(o);
                    o.setCleanStart(false);
                    o.setSessionExpiryInterval(300L);
                });
                MqttProbe kioskA = device(pki.device(A))) {
            assertTrue(hub.subscribe(Topics.allKiosks(Topics.Channel.EVENT)) < 0x80);

            assertRefusedAtConnect(() -> MqttProbe.connect(hubUrl(), hubId, null));
            assertRefusedAtConnect(() -> MqttProbe.connect(hubUrl(), hubId, null, BrokerAccessContract::wrongPassword));
            try (MqttProbe kioskB = MqttProbe.connect(deviceUrl(), hubId, pki.device(B).ssl())) {
                // a broker may accept the kiosk under its own client id, never under the hub's
                assertTrue(kioskB.isConnected());
            } catch (MqttException refused) {
                // or refuse it outright
            }

            assertTrue(hub.isConnected(), "the hub's session was taken over");
            kioskA.publish(Topics.event(A), "after-impostors");
            assertEquals(new MqttProbe.Received(Topics.event(A), "after-impostors"), hub.next());
        }
    }

    @Test
    void onlyTheHubReadsTheEventStatusAndReplyTrees() throws Exception {
        try (MqttProbe hub = hub("trees"); MqttProbe kioskA = device(pki.device(A));
                MqttProbe kioskB = device(pki.device(B))) {
            for (Topics.Channel c : new Topics.Channel[] {Topics.Channel.EVENT, Topics.Channel.STATUS, Topics.Channel.REPLY}) {
                assertTrue(hub.subscribe(Topics.allKiosks(c)) < 0x80);
                kioskA.subscribe(Topics.allKiosks(c));
                kioskA.subscribe(Topics.ROOT + "/" + SitePki.SITE + "/" + B.kioskId() + "/" + c.segment());
            }
            kioskA.subscribe(Topics.ROOT + "/#");
            kioskA.subscribe("#");

            kioskB.publish(Topics.event(B), "event-of-b");
            kioskB.publish(Topics.status(B), "status-of-b");
            kioskB.publish(Topics.reply(B), "reply-of-b");

            for (int i = 0; i < 3; i++) {
                assertTrue(hub.next().payload().endsWith("-of-b"));
            }
            assertEquals(null, kioskA.poll(2000), "a kiosk read another kiosk's messages");
        }
    }

    @Test
    void kioskCannotWriteCommandsOrConfigurations() throws Exception {
        SitePki.Credential a = pki.device(A);
        try (MqttProbe kioskB = device(pki.device(B)); MqttProbe hub = hub("writes")) {
            assertTrue(kioskB.subscribe(Topics.command(B)) < 0x80);
            assertTrue(kioskB.subscribe(Topics.config(B)) < 0x80);
            for (String forged : new String[] {Topics.command(B), Topics.config(B), Topics.command(A), Topics.config(A)}) {
                try (MqttProbe kioskA = device(a)) {
                    refusedPublish(kioskA.publish(forged, "{\"name\":\"reboot\"}"));
                }
            }
            hub.publish(Topics.command(B), "from-the-hub");

            // had a forgery passed, it would have reached kiosk B before this
            assertEquals(new MqttProbe.Received(Topics.command(B), "from-the-hub"), kioskB.next());
        }
    }

    @Test
    void kioskPublishesToItsOwnEventTopic() throws Exception {
        try (MqttProbe hub = hub("own-event"); MqttProbe kioskA = device(pki.device(A))) {
            assertTrue(hub.subscribe(Topics.allKiosks(Topics.Channel.EVENT)) < 0x80);

            kioskA.publish(Topics.event(A), "a-1");

            assertEquals(new MqttProbe.Received(Topics.event(A), "a-1"), hub.next());
        }
    }

    @Test
    void kioskCannotPublishAsAnotherKiosk() throws Exception {
        SitePki.Credential a = pki.device(A);
        try (MqttProbe hub = hub("spoof")) {
            hub.subscribe(Topics.allKiosks(Topics.Channel.EVENT));
            hub.subscribe(Topics.allKiosks(Topics.Channel.STATUS));

            for (String forged : new String[] {Topics.event(B), Topics.status(B)}) {
                try (MqttProbe kioskA = device(a)) {
                    refusedPublish(kioskA.publish(forged, "forged"));
                }
            }
            try (MqttProbe kioskA = device(a)) {
                kioskA.publish(Topics.event(A), "after-forgeries");
            }

            // had a forgery passed, it would have reached the hub before this
            assertEquals(new MqttProbe.Received(Topics.event(A), "after-forgeries"), hub.next());
        }
    }

    /** What the broker answers to a publish outside the device's subtree (then it may disconnect). */
    abstract void refusedPublish(int reasonCode);

    @Test
    void kioskCannotReadAnotherKiosksCommands() throws Exception {
        try (MqttProbe hub = hub("cmd"); MqttProbe kioskA = device(pki.device(A))) {
            int toB = kioskA.subscribe(Topics.command(B));
            kioskA.subscribe(Topics.ROOT + "/" + SitePki.SITE + "/+/cmd");
            assertTrue(kioskA.subscribe(Topics.command(A)) < 0x80);
            refusedSubscription(toB);

            hub.publish(Topics.command(B), "for-b");
            hub.publish(Topics.config(B), "config-for-b");
            hub.publish(Topics.command(A), "for-a");

            assertEquals(new MqttProbe.Received(Topics.command(A), "for-a"), kioskA.next());
        }
    }

    /** What the broker answers to a subscription outside the device's subtree. */
    void refusedSubscription(int reasonCode) {
        assertTrue(reasonCode >= 0x80, "SUBACK reason code " + reasonCode);
    }

    @Test
    void connectionWithoutClientCertificateIsRefused() throws Exception {
        SSLContext anonymous = pki.noClientCertificate();
        assertThrows(MqttException.class, () -> MqttProbe.connect(deviceUrl(), DeviceAccessPolicy.clientIdOf(A), anonymous));
    }

    @Test
    void expiredCertificateIsRefused() {
        assertThrows(MqttException.class, () -> device(pki.expired));
    }

    @Test
    void certificateOfAForeignCaIsRefused() throws Exception {
        SitePki.Credential foreign = pki.foreign(A);
        assertThrows(MqttException.class, () -> device(foreign));
    }

    @Test
    void revokedDeviceCannotReconnect() throws Exception {
        SitePki.Credential revoked = pki.device(REVOKED);
        try (MqttProbe before = device(revoked)) {
            pki.ca.revoke(revoked.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
            afterRevocation(REVOKED);
            if (disconnectsOnRevocation()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !before.isConnected());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> refused(revoked));
        assertThrows(MqttException.class, () -> device(revoked));
        try (MqttProbe stillTrusted = device(pki.device(A))) {
            assertTrue(stillTrusted.isConnected(), "an unrevoked kiosk still connects");
        }
    }

    private boolean refused(SitePki.Credential credential) {
        try (MqttProbe probe = device(credential)) {
            return false;
        } catch (MqttException e) {
            return true;
        }
    }
}
