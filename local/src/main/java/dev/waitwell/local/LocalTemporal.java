package dev.waitwell.local;

import io.temporal.testserver.TestServer;

/**
 * The Temporal Java test server as a standalone gRPC service, in real time (no time skipping), so the
 * worker, the API and the {@code temporal} CLI talk to it as they would to a real cluster. It keeps
 * everything in memory: workflows, histories and timers are gone when it stops.
 */
final class LocalTemporal implements AutoCloseable {

    private final TestServer.PortBoundTestServer server;
    private final int port;

    private LocalTemporal(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalTemporal start(int port) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " is in use: another local run or a Temporal server?"
                    + " Stop it, or set TEMPORAL_ADDRESS=127.0.0.1:" + port + " to use it.");
        }
        boolean lockTimeSkipping = true; // real time: timers fire on the wall clock
        return new LocalTemporal(TestServer.createPortBoundServer(port, lockTimeSkipping), port);
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }
}
