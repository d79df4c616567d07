package dev.waitwell.activities.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port nothing listens on yet, for tests that start and stop a mail server there (the mail sender's
 * settings are fixed when its Spring context starts, so the port must be known before the server runs).
 */
final class SmtpPort {

    private SmtpPort() {}

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
