package fr.vigie.hub.broker;

import static fr.vigie.hub.broker.SitePki.A;
import static fr.vigie.hub.broker.SitePki.B;
import static fr.vigie.hub.broker.SitePki.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import fr.vigie.provisioning.RevocationReason;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * The broker access-control scenario that every broker the hub supports must pass: a device speaks
 * only for itself, and only with a valid, unrevoked certificate of this site's CA. Subclasses start
 * the broker with {@link #pki} and tell where devices and the hub connect.
 */
abstract class BrokerAccessContract {
    static SitePki pki;

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
        return MqttProbe.connect(hubUrl(), "vigie-hub-test-" + name, null);
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
