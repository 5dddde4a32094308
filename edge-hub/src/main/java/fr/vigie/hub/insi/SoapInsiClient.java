package fr.vigie.hub.insi;

import fr.vigie.protocol.retry.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOAP 1.2 {@link InsiClient}: writes the envelope with its ContexteBAM, ContexteLPS and
 * WS-Addressing headers, posts it over mutual TLS, reads the answer with {@link SafeXml} within
 * {@link InsiSettings#maxResponseBytes()}, validates and maps it. Thread-safe.
 *
 * <p><b>Retries.</b> At most {@link InsiSettings#maxAttempts()} HTTP attempts, only after a
 * transport failure, a timeout, an HTTP 5xx that carries no SOAP answer, or a fault INSi uses for
 * "temporarily unavailable" ({@code siram_40}/{@code insi_102}, see {@link SoapFaults}); the pause
 * starts at {@link InsiSettings#backoff()} and doubles, through the {@link Pause} given (tests move a
 * clock instead of sleeping). When every attempt failed, the last failure is thrown
 * ({@code INSI_UNAVAILABLE}, {@code INSI_TIMEOUT}) with its fault codes. A {@code CodeCR} (00/01/02),
 * any other SOAP fault (authentication: {@code desir_550}, {@code desir_560}), a refused TLS
 * handshake and a hostile or malformed answer are never retried: asking again would give the same
 * answer.
 *
 * <p><b>Audit.</b> Every call, refused or not, gives one {@link InsiAuditEntry}: the values sent
 * (Vitale matricules masked), the outcome, fault codes, the warning of a {@code 00} whose key does not
 * verify, the masked INS returned, attempts and duration.
 *
 * <pre>{@code
 * InsiClient insi = SoapInsiClient.overHttps(settings, establishmentTls, audit, Clock.systemUTC());
 * InsiResult r = insi.rechercherAvecTraits(caller, TraitsQuery.fullList(traits));
 * }</pre>
 */
public final class SoapInsiClient implements InsiClient {
    private static final Logger LOG = LoggerFactory.getLogger(SoapInsiClient.class);
    private final InsiSettings settings;
    private final InsiTransport transport;
    private final InsiAudit audit;
    private final Clock clock;
    private final Pause pause;
    private final InsiRequestWriter writer;
    private final InsiResponseReader reader = new InsiResponseReader();
    private final SafeXml xml;

    SoapInsiClient(InsiSettings settings, InsiTransport transport, InsiAudit audit, Clock clock, Pause pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.writer = new InsiRequestWriter(settings, clock);
        this.xml = new SafeXml(settings.maxResponseBytes());
    }

    /**
     * A client for {@code settings.endpoint()} presenting the establishment certificate held by
     * {@code tls} (CN {@code INSI-AUTO} or {@code INSI-MANU}) and trusting the service's CA.
     */
    public static SoapInsiClient overHttps(InsiSettings settings, SSLContext tls, InsiAudit audit, Clock clock) {
        return overHttps(settings, tls, audit, clock, Pause.SLEEP);
    }

    /** As {@link #overHttps(InsiSettings, SSLContext, InsiAudit, Clock)}, with the given way of pausing. */
    public static SoapInsiClient overHttps(InsiSettings settings, SSLContext tls, InsiAudit audit, Clock clock,
            Pause pause) {
        return new SoapInsiClient(settings, new HttpsInsiTransport(settings.endpoint(), tls, settings.connectTimeout(),
                settings.maxResponseBytes()),
                audit, clock, pause);
    }

    @Override
    public InsiResult rechercherAvecCarteVitale(InsiCaller caller, VitaleQuery query) throws InsiException {
        String id = messageId();
        return call(caller, InsiOperation.RECHERCHER_AVEC_CARTE_VITALE, InsiSearch.PrenomSent.VITALE, query.asSent(), id,
                writer.vitale(id, query));
    }

    @Override
    public InsiResult rechercherAvecTraits(InsiCaller caller, TraitsQuery query) throws InsiException {
        String id = messageId();
        return call(caller, InsiOperation.RECHERCHER_AVEC_TRAITS, query.sent(), query.asSent(), id,
                writer.traits(id, query));
    }

    private InsiResult call(InsiCaller caller, InsiOperation op, InsiSearch.PrenomSent kind, Map<String, String> sent,
            String messageId, byte[] envelope) throws InsiException {
        Objects.requireNonNull(caller, "caller");
        Instant start = clock.instant();
        int[] attempts = {0};
        try {
            InsiResult result = withRetries(op, envelope, attempts);
            InsiAuditEntry entry = new InsiAuditEntry(start, caller, op, kind, sent, messageId, result.codeCr(), null, null,
                    result.warning().map(Enum::name).orElse(null), result.maskedIns().orElse(null), attempts[0],
                    Duration.between(start, clock.instant()));
            if (result.warning().isPresent()) {
                LOG.warn("{}: the key does not verify; the answer is kept as sent and not attached to any record",
                        entry.message());
            }
            audit.record(entry);
            return result;
        } catch (InsiException e) {
            audit.record(new InsiAuditEntry(start, caller, op, kind, sent, messageId, e.error().name(),
                    e.faultSubcode().orElse(null), e.faultDetail().orElse(null), null, null, attempts[0],
                    Duration.between(start, clock.instant())));
            throw e;
        }
    }

    private InsiResult withRetries(InsiOperation op, byte[] envelope, int[] attempts) throws InsiException {
        InsiException last = null;
        // doubling from insi.backoff; capped at the last retry's own delay, so the cap never shortens one
        Backoff backoff = Backoff.exponential(settings.backoff(),
                settings.backoff().multipliedBy(1L << Math.max(0, settings.maxAttempts() - 2)));
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                try {
                    pause.pause(backoff.delay(attempt - 2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InsiException(InsiError.INSI_UNAVAILABLE, "interrupted while waiting to retry", e);
                }
            }
            attempts[0] = attempt;
            try {
                return once(op, envelope);
            } catch (Retryable r) {
                last = r.failure;
            }
        }
        throw new InsiException(last.error(), last.getMessage() + " (after " + settings.maxAttempts() + " attempts)",
                last.faultSubcode().orElse(null), last.faultDetail().orElse(null), last.getCause());
    }

    /** A failure worth another attempt. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient InsiException failure;

        Retryable(InsiException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private InsiResult once(InsiOperation op, byte[] envelope) throws InsiException, Retryable {
        InsiTransport.Answer answer;
        try {
            answer = transport.post(op.action(), envelope, settings.callTimeout());
        } catch (HttpTimeoutException e) {
            throw new Retryable(new InsiException(InsiError.INSI_TIMEOUT,
                    "INSi did not answer within " + settings.callTimeout().toMillis() + " ms", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsiException(InsiError.INSI_UNAVAILABLE, "interrupted during the INSi call", e);
        } catch (InsiTransport.TooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            if (isTls(e)) {
                throw new InsiException(InsiError.INSI_TLS_REFUSED, "the TLS handshake with INSi failed: " + e, e);
            }
            throw new Retryable(new InsiException(InsiError.INSI_UNAVAILABLE, "INSi cannot be reached: " + e, e));
        }
        byte[] body = read(answer);
        try {
            return reader.read(parse(body));
        } catch (InsiException e) {
            if (e.error() == InsiError.INSI_UNAVAILABLE) {
                throw new Retryable(e); // a "temporarily unavailable" fault (siram_40, insi_102)
            }
            if (e.error() != InsiError.INSI_MALFORMED_RESPONSE || answer.status() == 200) {
                throw e;
            }
            InsiException noSoap = new InsiException(InsiError.INSI_UNAVAILABLE, "INSi answered HTTP "
                    + answer.status() + " without a SOAP answer");
            if (answer.status() >= 500) {
                throw new Retryable(noSoap);
            }
            throw noSoap; // a 4xx normally carries a SOAP fault: asking again would not help
        }
    }

    private byte[] read(InsiTransport.Answer answer) throws InsiException, Retryable {
        try (InputStream in = answer.body()) {
            if (answer.contentLength() > settings.maxResponseBytes()) {
                throw tooLarge();
            }
            return xml.readCapped(in);
        } catch (SafeXml.Rejected e) {
            throw tooLarge();
        } catch (IOException e) {
            if (e instanceof HttpTimeoutException) {
                throw new Retryable(new InsiException(InsiError.INSI_TIMEOUT, "INSi's answer did not arrive in time", e));
            }
            throw new Retryable(new InsiException(InsiError.INSI_UNAVAILABLE, "INSi's answer was cut: " + e, e));
        }
    }

    private InsiException tooLarge() {
        return new InsiException(InsiError.INSI_RESPONSE_TOO_LARGE,
                "INSi's answer is larger than " + settings.maxResponseBytes() + " bytes; it was not read further");
    }

    private org.w3c.dom.Document parse(byte[] body) throws InsiException {
        try {
            return xml.parse(body);
        } catch (SafeXml.Rejected e) {
            InsiError code = switch (e.reason()) {
                case TOO_LARGE -> InsiError.INSI_RESPONSE_TOO_LARGE;
                case FORBIDDEN -> InsiError.INSI_XML_FORBIDDEN;
                case MALFORMED -> InsiError.INSI_MALFORMED_RESPONSE;
            };
            throw new InsiException(code, "INSi's answer was refused: " + e.getMessage(), e);
        }
    }

    private static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String messageId() {
        return "uuid:" + UUID.randomUUID();
    }
}
