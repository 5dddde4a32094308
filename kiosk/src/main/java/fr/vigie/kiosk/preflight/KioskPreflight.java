package fr.vigie.kiosk.preflight;

import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscService;
import fr.vigie.hardware.gpio.GpioChoice;
import fr.vigie.hardware.gpio.GpioProvider;
import fr.vigie.kiosk.config.HubAccess;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.protocol.service.PreflightCheck;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.DeviceSecret;
import fr.vigie.provisioning.device.RootPin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The checks of {@code ./vigie kiosk check} on one kiosk's settings: the PC/SC service and its readers, the hub's
 * device API reachable with its site root pinned, the device identity (enrolled or still waiting), the GPIO
 * provider the kiosk would run on (the kiosk's own choice, {@link StationConfig.Gpio#choice()}), and the touch
 * screen's page on the loopback that the display shows. Reads only: nothing is created or changed (an absent
 * identity or device secret is reported, never made). Thread-confined.
 */
public final class KioskPreflight {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Supplier<TerminalSource> pcsc;
    private final Clock clock;

    /**
     * @param pcsc the PC/SC service ({@code PcscTerminalSource::system} on a kiosk); may throw
     *        {@link IllegalStateException} when the PC/SC library is missing
     */
    public KioskPreflight(Supplier<TerminalSource> pcsc, Clock clock) {
        this.pcsc = pcsc;
        this.clock = clock;
    }

    /** Runs every check on {@code config}, giving each line to {@code report}. */
    public void run(KioskConfig config, Consumer<PreflightCheck> report) {
        report.accept(PreflightCheck.ok("kiosk", "settings", "réglages acceptés pour la borne " + config.site() + "/"
                + config.kioskId()));
        report.accept(readers(config.station()));
        report.accept(hub(config.hubAccess()));
        report.accept(identity(config));
        report.accept(gpio(config.station()));
        report.accept(display(config.station()));
    }

    PreflightCheck readers(StationConfig station) {
        if (station.readers() == StationConfig.Readers.SANDBOX) {
            return PreflightCheck.warn("pcscd", "readers", "SANDBOX_READERS", StationConfig.READERS + "=sandbox : lecteurs"
                    + " et cartes de démonstration, jamais sur un site ; mettez " + StationConfig.READERS + "=pcsc");
        }
        TerminalSource source;
        try {
            source = pcsc.get();
        } catch (IllegalStateException e) {
            return PreflightCheck.fail("pcscd", "readers", "PCSC_LIBRARY_MISSING", e.getMessage() + " — "
                    + PcscService.hint());
        }
        try {
            List<CardTerminal> terminals = source.open().list();
            if (terminals.isEmpty()) {
                return PreflightCheck.warn("pcscd", "readers", "NO_READER", "pcscd répond (" + source.describe()
                        + ") mais aucun lecteur de cartes n'est branché : branchez le lecteur (USB) ; pcsc_scan le"
                        + " montre quand pcscd le voit");
            }
            List<String> names = terminals.stream().map(CardTerminal::getName).toList();
            return PreflightCheck.ok("pcscd", "readers", "pcscd répond ; " + names.size() + " lecteur(s) : "
                    + String.join(", ", names));
        } catch (CardException | RuntimeException e) {
            return PreflightCheck.fail("pcscd", "readers", "PCSCD_UNAVAILABLE", "le service de cartes pcscd ne répond"
                    + " pas (" + e.getMessage() + ") — " + PcscService.hint());
        }
    }

    PreflightCheck hub(HubAccess access) {
        if (!access.enabled()) {
            return PreflightCheck.warn("hub", "pinned", "HUB_NOT_CONFIGURED", HubAccess.URL + " est vide : la borne"
                    + " ne s'inscrit pas et parle MQTT sans TLS (seulement pour un courtier de test)");
        }
        URI url = access.deviceApi();
        String host = url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : 443;
        String where = host + ":" + port;
        String pin = access.caFingerprint();
        Optional<X509Certificate[]> presented;
        try {
            presented = Optional.of(handshake(host, port, RootPin.enrolmentContext(pin)));
        } catch (UnknownHostException e) {
            return PreflightCheck.fail("hub", "pinned", "HUB_UNKNOWN_HOST", "le nom « " + host + " » de " + HubAccess.URL
                    + " ne se résout pas (DNS) depuis la borne");
        } catch (ConnectException e) {
            return PreflightCheck.fail("hub", "pinned", "HUB_UNREACHABLE", where + " refuse la connexion : le hub"
                    + " n'écoute pas là (hub.device-api.bind et hub.device-api.port), ou un pare-feu bloque");
        } catch (SocketTimeoutException e) {
            return PreflightCheck.fail("hub", "pinned", "HUB_UNREACHABLE", "pas de réponse de " + where + " en "
                    + TIMEOUT.toSeconds() + " s (réseau ou pare-feu)");
        } catch (SSLException e) {
            presented = Optional.empty();
            String seen = seenRoot(host, port).orElse("?");
            String text = String.valueOf(e.getMessage()) + Optional.ofNullable(e.getCause()).map(c -> " " + c.getMessage())
                    .orElse("");
            if (text.contains("is not the pinned site root")) {
                return PreflightCheck.fail("hub", "pinned", "HUB_PIN_MISMATCH", "le hub à " + where + " présente la"
                        + " racine " + seen + ", pas celle de " + HubAccess.CA_FINGERPRINT + " (" + pin + ") : recopiez"
                        + " l'empreinte ca= que le hub affiche au démarrage (journalctl -u vigie-hub) ; si elle est"
                        + " juste, ce n'est pas votre hub");
            }
            if (text.toLowerCase(Locale.ROOT).contains("subject alternative") || text.contains("No name matching")) {
                return PreflightCheck.fail("hub", "pinned", "HUB_NAME_MISMATCH", "le certificat du hub à " + where
                        + " ne porte pas le nom « " + host + " » : utilisez dans " + HubAccess.URL + " un nom de"
                        + " hub.device-api.names");
            }
            return PreflightCheck.fail("hub", "pinned", "HUB_TLS_FAILED", "TLS avec le hub à " + where + " refusé : "
                    + text);
        } catch (IOException e) {
            return PreflightCheck.fail("hub", "pinned", "HUB_UNREACHABLE", "connexion au hub à " + where
                    + " impossible : " + e);
        }
        X509Certificate[] chain = presented.get();
        String root = RootPin.fingerprint(chain[chain.length - 1]);
        if (pin == null) {
            return PreflightCheck.warn("hub", "pinned", "HUB_NOT_PINNED", "hub joignable à " + where + ", mais "
                    + HubAccess.CA_FINGERPRINT + " est vide : la borne croira la première racine vue. Vérifiez que "
                    + root + " est bien le ca= de votre hub et mettez-le dans " + HubAccess.CA_FINGERPRINT);
        }
        return PreflightCheck.ok("hub", "pinned", "hub joignable à " + where + " en TLS, racine épinglée " + root);
    }

    PreflightCheck identity(KioskConfig config) {
        Path dir = Kiosk.identityDirectory(config.dataDir());
        Path store = dir.resolve(DeviceIdentity.FILE_NAME);
        Path secretFile = config.hubAccess().deviceSecretFile();
        if (!Files.exists(store)) {
            return PreflightCheck.warn("kiosk", "identity", "NOT_ENROLLED", "pas encore d'identité dans " + dir
                    + " : la borne la crée à son premier démarrage, puis demande son inscription au hub");
        }
        if (secretFile == null || !Files.exists(secretFile)) {
            return PreflightCheck.fail("kiosk", "identity", "IDENTITY_SECRET_MISSING", "l'identité " + store
                    + " existe mais son secret " + secretFile + " (" + HubAccess.SECRET_FILE + ") manque : sans lui la"
                    + " clé de la borne ne s'ouvre pas ; remettez le fichier, ou effacez l'identité et réinscrivez la"
                    + " borne");
        }
        char[] secret = null;
        try {
            secret = DeviceSecret.loadOrCreate(secretFile);
            DeviceIdentity device = DeviceIdentity.openOrCreate(dir, config.address(), secret, clock);
            if (!device.isEnrolled()) {
                return PreflightCheck.warn("kiosk", "identity", "NOT_ENROLLED", "pas encore inscrite : code "
                        + device.enrolmentCode() + " à approuver sur le hub (console, ou ./vigie admin enrol approve)");
            }
            X509Certificate cert = device.certificateChain().get(0);
            return PreflightCheck.ok("kiosk", "identity", "inscrite comme " + config.site() + "/" + config.kioskId()
                    + ", certificat valable jusqu'au " + cert.getNotAfter().toInstant().atOffset(ZoneOffset.UTC)
                            .toLocalDate());
        } catch (IOException | RuntimeException | fr.vigie.provisioning.ProvisioningException e) {
            return PreflightCheck.fail("kiosk", "identity", "IDENTITY_UNREADABLE", "l'identité " + store
                    + " ne s'ouvre pas (" + e.getMessage() + ") : lancez la vérification en root ou en vigie-kiosk");
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    PreflightCheck gpio(StationConfig station) {
        GpioChoice choice = station.gpio().choice();
        String setting = StationConfig.GPIO + "=" + station.gpio().name().toLowerCase(Locale.ROOT);
        String what = choice + " avec " + setting + " ; broches " + station.gpioPins();
        if (choice.provider() == GpioProvider.GPIOD) {
            List<Path> chips = gpioChips();
            if (chips.isEmpty()) {
                return PreflightCheck.fail("gpio", "provider", "GPIO_NO_DEVICE", what + ", mais aucun /dev/gpiochip* :"
                        + " le noyau n'expose pas le GPIO (Raspberry Pi OS Bookworm l'expose)");
            }
            List<String> closed = chips.stream().filter(c -> !Files.isReadable(c) || !Files.isWritable(c))
                    .map(Path::toString).toList();
            if (closed.size() == chips.size()) {
                return PreflightCheck.fail("gpio", "provider", "GPIO_NO_ACCESS", what + ", mais " + String.join(", ",
                        closed) + " ne s'ouvre pas pour cet utilisateur : il doit être du groupe gpio (le paquet y met"
                        + " vigie-kiosk)");
            }
            return PreflightCheck.ok("gpio", "provider", what + " ; " + chips.size() + " /dev/gpiochip*");
        }
        if (GpioProvider.raspberryPiModel(GpioProvider.DEVICE_TREE_MODEL).isPresent()) {
            return PreflightCheck.warn("gpio", "provider", "GPIO_MOCK_ON_PI", what + " : sur ce Raspberry Pi, DEL, buzzer"
                    + " et capteur de présence sont simulés ; mettez " + StationConfig.GPIO + "=auto");
        }
        return PreflightCheck.ok("gpio", "provider", what + " (DEL, buzzer et capteur simulés hors Raspberry Pi)");
    }

    PreflightCheck display(StationConfig station) {
        if (station.uiPort() == 0) {
            return PreflightCheck.warn("screen", "page", "DISPLAY_PORT_ANY", StationConfig.UI_PORT + "=0 : port"
                    + " choisi au démarrage, l'écran (vigie-kiosk-display) ne peut pas le connaître ; mettez un port fixe");
        }
        URI page = URI.create("http://127.0.0.1:" + station.uiPort() + "/");
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(HttpRequest
                    .newBuilder(page).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                return PreflightCheck.fail("screen", "page", "DISPLAY_HTTP_" + r.statusCode(), page + " répond HTTP "
                        + r.statusCode() + " : ce n'est pas l'écran de la borne");
            }
            return PreflightCheck.ok("screen", "page", "l'écran de la borne répond sur " + page
                    + " (ce que vigie-kiosk-display affiche)");
        } catch (IOException e) {
            return PreflightCheck.fail("screen", "page", "DISPLAY_NOT_SERVED", "rien ne répond sur " + page + " : le"
                    + " service vigie-kiosk ne tourne pas (systemctl status vigie-kiosk), ou " + StationConfig.UI_PORT
                    + " n'est pas le port qu'il sert");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PreflightCheck.fail("screen", "page", "DISPLAY_NOT_SERVED", "vérification interrompue");
        }
    }

    private static X509Certificate[] handshake(String host, int port, SSLContext tls) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            plain.setSoTimeout((int) TIMEOUT.toMillis());
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
            SSLParameters p = socket.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(p);
            socket.startHandshake();
            Certificate[] peer = socket.getSession().getPeerCertificates();
            return Arrays.copyOf(peer, peer.length, X509Certificate[].class);
        }
    }

    /** The root the hub presents, read with trust on first use: to say which one, never to trust it. */
    private static Optional<String> seenRoot(String host, int port) {
        try {
            X509Certificate[] chain = handshake(host, port, RootPin.enrolmentContext(null));
            return Optional.of(RootPin.fingerprint(chain[chain.length - 1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Path> gpioChips() {
        List<Path> chips = new ArrayList<>();
        try (DirectoryStream<Path> dev = Files.newDirectoryStream(Path.of("/dev"), "gpiochip*")) {
            dev.forEach(chips::add);
        } catch (IOException e) {
            // no /dev to read: none
        }
        return chips;
    }
}
