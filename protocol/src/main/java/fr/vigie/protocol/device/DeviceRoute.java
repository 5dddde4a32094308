package fr.vigie.protocol.device;

import fr.vigie.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of the device API: its method and path template (e.g. {@code /device/v1/psc/ciba/{requestId}}),
 * the record its body carries ({@link Void} when it has none), the record its answer carries ({@link Void}
 * for none, {@link String} for a PEM document), the success status, and the code answered when the body or
 * a path parameter is not what the route takes. The hub serves each route from this description and the
 * kiosk calls it from the same one, so neither writes a path, a body or a status of its own. The catalogues
 * are {@link EnrolmentApi}, {@link CertificateApi}, {@link IgcSanteApi}, {@link AgentApi},
 * {@link AdmissionApi} and {@link CibaApi}; {@link #all()} lists every route. Immutable.
 *
 * <pre>{@code
 * String path = CibaApi.STATUS.path(requestId);          // "/device/v1/psc/ciba/4f…", parameters checked
 * CibaStatusAnswer a = codec.decodeAnswer(CibaApi.STATUS, bytes);
 * }</pre>
 *
 * @param <Q> the request body's record, or {@link Void}
 * @param <A> the answer's record, {@link String} for a PEM document, or {@link Void}
 */
public final class DeviceRoute<Q, A> {
    /** The HTTP methods the device API uses. */
    public enum Method { GET, POST }

    /** What a successful answer's body is. */
    public enum Media {
        /** A JSON record read and written by {@link DeviceCodec}. */
        JSON("application/json"),
        /** A PEM document ({@code application/x-pem-file}). */
        PEM("application/x-pem-file"),
        /** No body (204). */
        NONE("");

        private final String contentType;

        Media(String contentType) {
            this.contentType = contentType;
        }

        /** The {@code Content-Type} of such an answer; empty for none. */
        public String contentType() {
            return contentType;
        }
    }

    /**
     * Routes under this prefix are served only to a kiosk presenting its client certificate of the site (the
     * others: enrolment, which a kiosk calls to get that certificate, and the public CRLs).
     */
    public static final String AUTHENTICATED_PREFIX = "/device/v1/";

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern TEMPLATE = Pattern.compile("(/(?:[a-z0-9-]+|\\{[A-Za-z]+}))+");
    /** What a path parameter's value may be: one path segment, never a separator or an escape. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private final Method method;
    private final String template;
    private final Class<Q> request;
    private final Class<A> answer;
    private final Media media;
    private final ToIntFunction<A> status;
    private final DeviceError invalidRequest;
    private final int maxAnswerBytes;
    private final String forbiddenField;
    private final DeviceError forbiddenFieldError;
    private final List<String> parameters;

    private DeviceRoute(Method method, String template, Class<Q> request, Class<A> answer, Media media,
            ToIntFunction<A> status, DeviceError invalidRequest, int maxAnswerBytes) {
        this(method, template, request, answer, media, status, invalidRequest, maxAnswerBytes, null, null);
    }

    private DeviceRoute(Method method, String template, Class<Q> request, Class<A> answer, Media media,
            ToIntFunction<A> status, DeviceError invalidRequest, int maxAnswerBytes, String forbiddenField,
            DeviceError forbiddenFieldError) {
        if (!TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("'" + template + "' is not a device API path template");
        }
        this.method = method;
        this.template = template;
        this.request = Objects.requireNonNull(request, "request");
        this.answer = Objects.requireNonNull(answer, "answer");
        this.media = media;
        this.status = Objects.requireNonNull(status, "status");
        this.invalidRequest = Objects.requireNonNull(invalidRequest, "invalidRequest");
        this.maxAnswerBytes = maxAnswerBytes;
        this.forbiddenField = forbiddenField;
        this.forbiddenFieldError = forbiddenFieldError;
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        this.parameters = List.copyOf(names);
    }

    /** A GET whose answer is a JSON {@code answer} record, 200. */
    public static <A extends Record> DeviceRoute<Void, A> get(String template, Class<A> answer,
            DeviceError invalidRequest) {
        return new DeviceRoute<>(Method.GET, template, Void.class, answer, Media.JSON, a -> 200, invalidRequest,
                DeviceCodec.DEFAULT_MAX_BYTES);
    }

    /** A GET whose answer is a PEM document, 200. */
    public static DeviceRoute<Void, String> getPem(String template) {
        return new DeviceRoute<>(Method.GET, template, Void.class, String.class, Media.PEM, a -> 200,
                DeviceApiError.BAD_REQUEST, DeviceCodec.DEFAULT_MAX_BYTES);
    }

    /**
     * A POST taking a JSON {@code request} record ({@link Void}: no body) and answering a JSON {@code answer}
     * record ({@link Void}: no body, and {@code status} should be 204) with {@code status}.
     */
    public static <Q, A> DeviceRoute<Q, A> post(String template, Class<Q> request, Class<A> answer, int status,
            DeviceError invalidRequest) {
        return new DeviceRoute<>(Method.POST, template, request, answer, answer == Void.class ? Media.NONE
                : Media.JSON, a -> status, invalidRequest, DeviceCodec.DEFAULT_MAX_BYTES);
    }

    /** This route, whose success status depends on the answer (e.g. 201 issued, 202 pending). */
    public DeviceRoute<Q, A> answeredWith(ToIntFunction<A> statusOf) {
        return new DeviceRoute<>(method, template, request, answer, media, statusOf, invalidRequest, maxAnswerBytes,
                forbiddenField, forbiddenFieldError);
    }

    /** This route, whose answers may be up to {@code bytes} long (e.g. a bundle of CRLs). */
    public DeviceRoute<Q, A> answersUpTo(int bytes) {
        return new DeviceRoute<>(method, template, request, answer, media, status, invalidRequest, bytes,
                forbiddenField, forbiddenFieldError);
    }

    /**
     * This route, where a body carrying {@code field} is refused with {@code error} before anything else is
     * looked at, whatever the field holds: e.g. an admission step naming its own agent.
     */
    public DeviceRoute<Q, A> forbidding(String field, DeviceError error) {
        return new DeviceRoute<>(method, template, request, answer, media, status, invalidRequest, maxAnswerBytes,
                Objects.requireNonNull(field, "field"), Objects.requireNonNull(error, "error"));
    }

    public Method method() {
        return method;
    }

    /** The path with its parameters in braces, as Javalin writes them: {@code /device/v1/admission/{id}/document}. */
    public String template() {
        return template;
    }

    /** Whether the route is served only to a kiosk presenting its certificate ({@link #AUTHENTICATED_PREFIX}). */
    public boolean authenticated() {
        return template.startsWith(AUTHENTICATED_PREFIX);
    }

    /** The names of the path parameters, in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** The request body's record, {@link Void} when the route takes none. */
    public Class<Q> requestType() {
        return request;
    }

    /** Whether the route takes a body. */
    public boolean hasBody() {
        return request != Void.class;
    }

    /** The answer's record, {@link String} for a PEM document, {@link Void} for none. */
    public Class<A> answerType() {
        return answer;
    }

    /** What a successful answer's body is. */
    public Media media() {
        return media;
    }

    /** The status of a successful answer carrying {@code answer} (null for a route without answer body). */
    public int status(A answer) {
        return status.applyAsInt(answer);
    }

    /** The code answered when the body or a path parameter is not what the route takes. */
    public DeviceError invalidRequest() {
        return invalidRequest;
    }

    /** The field a body must never carry, if the route has one ({@link #forbidding}). */
    public Optional<String> forbiddenField() {
        return Optional.ofNullable(forbiddenField);
    }

    /**
     * The code a request refused by the codec is answered with: the forbidden field's code when that field was
     * the reason, {@link #invalidRequest()} otherwise.
     */
    public DeviceError refusalOf(ProtocolException rejected) {
        return forbiddenField != null && rejected.field().filter(forbiddenField::equals).isPresent()
                ? forbiddenFieldError : invalidRequest;
    }

    /** The largest answer body the kiosk reads from this route. */
    public int maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /**
     * The path with {@code values} in place of its parameters, in order.
     *
     * @throws IllegalArgumentException when the number of values is wrong, or a value is not one plain
     *     path segment (letters, digits, {@code . _ ~ -}, at most 128)
     */
    public String path(String... values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(template + " takes " + parameters.size() + " parameter(s), got "
                    + values.length);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int i = 0;
        while (m.find()) {
            if (values[i] == null || !SEGMENT.matcher(values[i]).matches()) {
                throw new IllegalArgumentException(parameters.get(i) + " '" + values[i]
                        + "' is not a path segment of letters, digits, '.', '_', '~' or '-'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(values[i++]));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every route of the device API, and the public CRL route kiosks may be pointed at. */
    public static List<DeviceRoute<?, ?>> all() {
        return List.of(EnrolmentApi.PING, EnrolmentApi.SUBMIT, EnrolmentApi.PROGRESS, EnrolmentApi.SITE_CRL,
                CertificateApi.SIGNING_KEY, CertificateApi.RENEW, CertificateApi.INSTALLED, IgcSanteApi.CRLS,
                IgcSanteApi.PUBLIC_CRLS, AgentApi.NONCE, AgentApi.PROOF, AgentApi.PSC_PROOF, AgentApi.END,
                AdmissionApi.TRAITS, AdmissionApi.VITALE, AdmissionApi.APCV, AdmissionApi.DOCUMENT, CibaApi.START,
                CibaApi.STATUS, CibaApi.EXERCICE, SsoApi.NONCE, SsoApi.CARD_SESSION, SsoApi.PSC_SESSION, SsoApi.TICKET,
                SsoApi.END, SsoApi.APPLICATIONS, SoftwareApi.REPOSITORY_KEY);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
