package fr.vigie.protocol.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for systemd's notification socket: a Unix datagram socket bound by a Python process (Java 17
 * cannot bind one) that answers {@code systemd-notify}'s barrier as systemd does (closing the file descriptor
 * it passes) and hands every other notification to the test, one message at a time (fields joined by
 * {@code ;}).
 */
final class FakeNotifySocket implements AutoCloseable {
    private static final String RECEIVER = String.join("\n",
            "import array, os, socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "print('BOUND', flush=True)",
            "while True:",
            "    msg, anc, flags, addr = s.recvmsg(4096, socket.CMSG_SPACE(16 * 4))",
            "    for level, kind, data in anc:",
            "        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:",
            "            fds = array.array('i')",
            "            fds.frombytes(data[:len(data) - len(data) % 4])",
            "            for fd in fds:",
            "                os.close(fd)",
            "    text = msg.decode()",
            "    if text != 'BARRIER=1':",
            "        print(text.replace('\\n', ';'), flush=True)");

    private final Path socket;
    private final Process receiver;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    private FakeNotifySocket(Path socket, Process receiver) {
        this.socket = socket;
        this.receiver = receiver;
    }

    static FakeNotifySocket bind(Path directory) throws IOException, InterruptedException {
        Path socket = directory.resolve("notify.sock");
        Process receiver = new ProcessBuilder("python3", "-c", RECEIVER, socket.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        FakeNotifySocket fake = new FakeNotifySocket(socket, receiver);
        BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        if (!"BOUND".equals(first) || !Files.exists(socket)) {
            receiver.destroyForcibly();
            throw new IOException("the fake notification socket did not start: " + first);
        }
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    fake.messages.add(line);
                }
            } catch (IOException e) {
                // the receiver went away
            }
        }, "fake-notify-socket");
        reader.setDaemon(true);
        reader.start();
        return fake;
    }

    Path path() {
        return socket;
    }

    /** The next notification received within {@code timeout}, or null. */
    String next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next notification that contains {@code field}, skipping others, within {@code timeout}; or null. */
    String nextWith(String field, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            String message = messages.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && message.contains(field)) {
                return message;
            }
        }
        return null;
    }

    @Override
    public void close() {
        receiver.destroy();
    }
}
