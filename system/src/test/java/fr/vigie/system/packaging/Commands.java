package fr.vigie.system.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the machine (dpkg-deb, systemd-analyze, lintian, chroot…) and keeps what it printed. */
record Commands(int exit, String output) {

    static Commands run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Commands(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Commands run(List<String> command) throws IOException, InterruptedException {
        return run(null, command, 600);
    }

    /** The output, or an exception saying what failed when the exit status is not 0. */
    String ok(List<String> command) {
        if (exit != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + exit + ":\n" + output);
        }
        return output;
    }

    static String check(String... command) throws IOException, InterruptedException {
        return run(List.of(command)).ok(List.of(command));
    }

    static boolean installed(String command) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", "command -v " + command)).exit() == 0;
    }
}
