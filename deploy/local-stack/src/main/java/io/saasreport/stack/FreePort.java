package io.saasreport.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A port nothing listens on right now, for servers started by tests. */
public final class FreePort {

    /**
     * Every port handed out in this JVM. The kernel may give a port just closed out again, and a caller that asks for
     * several before binding any (a stack's six) needs them distinct: two services once got the same one.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 1_000;

    public static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
        }
        throw new IllegalStateException("No free port that was not handed out already, after " + ATTEMPTS + " attempts");
    }

    private FreePort() {
    }
}
