package fr.vigie.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vigie application running in its own JVM: its output is echoed with a name prefix and kept so
 * that callers can wait for the lines the applications print when they are ready. It can be stopped
 * cleanly (SIGTERM, then waiting for the shutdown hooks) or killed (SIGKILL) to test crash
 * recovery. Thread-safe.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean outputClosed; // guarded by lines

    private ChildProcess(String name, Process process, PrintStream echo) {
        this.name = name;
        this.process = process;
        pump(process.getInputStream(), echo);
    }

    /** Starts {@code command} with its working directory {@code dir}; stderr is merged into stdout. */
    public static ChildProcess start(String name, List<String> command, Path dir, PrintStream echo)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        return new ChildProcess(name, pb.start(), echo);
    }

    private void pump(InputStream in, PrintStream echo) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                    if (echo != null) {
                        echo.println("[" + name + "] " + line);
                    }
                }
            } catch (IOException e) {
                // the process is gone; waiting callers see that through isAlive()
            } finally {
                synchronized (lines) {
                    outputClosed = true;
                    lines.notifyAll();
                }
            }
        }, name + "-output");
        t.setDaemon(true);
        t.start();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the process prints a line matching {@code pattern} (from its start), and returns
     * the match.
     *
     * @throws IllegalStateException if the process exits first or the timeout passes
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        return awaitLines(pattern, 1, timeout).get(0);
    }

    /** Waits until {@code count} lines have matched {@code pattern}, and returns their matches in order. */
    public List<Matcher> awaitLines(Pattern pattern, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                List<Matcher> found = new ArrayList<>();
                for (String l : lines) {
                    Matcher m = pattern.matcher(l);
                    if (m.find()) {
                        found.add(m);
                    }
                }
                long left = deadline - System.nanoTime();
                if (found.size() >= count) {
                    return found;
                }
                if (outputClosed || left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
        throw new IllegalStateException(name + (outputClosed ? " ended its output before printing " : " did not print ")
                + count + " line(s) matching '" + pattern + "' in " + timeout);
    }

    /** The first output line that matches, if any yet. */
    public Optional<String> firstLine(Predicate<String> test) {
        synchronized (lines) {
            return lines.stream().filter(test).findFirst();
        }
    }

    /** Sends SIGKILL and waits for the process to be gone: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends SIGTERM and waits up to {@code grace} for a clean exit, then kills. Returns the exit code. */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }
}
