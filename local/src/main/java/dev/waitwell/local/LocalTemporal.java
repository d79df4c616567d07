package dev.waitwell.local;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal Java test server as a standalone gRPC service, in real time (no time skipping), so the
 * worker, the API and the {@code temporal} CLI talk to it as they would to a real cluster. It keeps
 * everything in memory: workflows, histories and timers are gone when it stops.
 */
final class LocalTemporal implements AutoCloseable {

    private final Runnable stop;
    private final int port;

    private LocalTemporal(Runnable stop, int port) {
        this.stop = stop;
        this.port = port;
    }

    static LocalTemporal start(int port) {
        requireFree(port);
        boolean lockTimeSkipping = true; // real time: timers fire on the wall clock
        return new LocalTemporal(TestServer.createPortBoundServer(port, lockTimeSkipping)::close, port);
    }

    /**
     * The same service with {@code interceptors} seeing every call to it, built as
     * {@link TestServer#createPortBoundServer(int, boolean)} builds it (the end-to-end tests watch which task queues
     * the workers poll).
     */
    static LocalTemporal start(int port, List<ServerInterceptor> interceptors) {
        requireFree(port);
        TestServicesStarter services = new TestServicesStarter(true, 0);
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder, interceptors);
        Server server;
        try {
            server = builder.build().start();
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("cannot start Temporal on port " + port, e);
        }
        return new LocalTemporal(
                () -> {
                    server.shutdown();
                    try {
                        server.awaitTermination(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    services.close();
                },
                port);
    }

    private static void requireFree(int port) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " is in use: another local run or a Temporal server?"
                    + " Stop it, or set TEMPORAL_ADDRESS=127.0.0.1:" + port + " to use it.");
        }
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop.run();
    }
}
