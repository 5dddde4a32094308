package fr.vigie.hub.insi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An {@link InsiTransport} that plays scripted answers or failures and keeps the requests it got. */
final class ScriptedTransport implements InsiTransport {
    interface Step {
        Answer play() throws IOException;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<byte[]> requests = new ArrayList<>();
    final List<String> actions = new ArrayList<>();

    ScriptedTransport answer(int status, byte[] body) {
        steps.add(() -> new Answer(status, body.length, new ByteArrayInputStream(body)));
        return this;
    }

    ScriptedTransport answerWithoutLength(int status, byte[] body) {
        steps.add(() -> new Answer(status, -1, new ByteArrayInputStream(body)));
        return this;
    }

    ScriptedTransport fail(IOException e) {
        steps.add(() -> {
            throw e;
        });
        return this;
    }

    @Override
    public Answer post(String action, byte[] envelope, Duration timeout) throws IOException {
        requests.add(envelope);
        actions.add(action);
        if (steps.isEmpty()) {
            throw new IllegalStateException("no scripted answer left");
        }
        return steps.poll().play();
    }
}
