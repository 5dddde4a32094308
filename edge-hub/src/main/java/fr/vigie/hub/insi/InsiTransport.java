package fr.vigie.hub.insi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * One HTTP POST of a SOAP envelope. {@link HttpsInsiTransport} is the real one; unit tests script
 * answers with their own implementation.
 */
interface InsiTransport {

    /**
     * An HTTP answer whose body has not been read yet.
     *
     * @param status HTTP status
     * @param contentLength the declared length, or -1
     * @param body the body, to be read within the size cap and closed
     */
    record Answer(int status, long contentLength, InputStream body) {
    }

    /** The answer is larger than the cap; it was not read further. */
    final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    /**
     * Posts the envelope; {@code timeout} bounds the whole exchange, body included.
     *
     * @throws TooLarge when the answer is over the cap
     * @throws java.net.http.HttpTimeoutException when the exchange did not finish in time
     */
    Answer post(String action, byte[] envelope, Duration timeout) throws IOException, InterruptedException;
}
