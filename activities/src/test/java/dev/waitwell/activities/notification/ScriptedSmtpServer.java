package dev.waitwell.activities.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server that accepts every command, then cuts the connection (TCP reset) at the point a
 * test chooses: where a real server or network can fail once our message has been handed over.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum CutOff {
        /** After the message's data, before the server's answer to it: it may or may not have been taken. */
        BEFORE_ANSWERING_THE_DATA,
        /** After answering 250 to the data, when the client says QUIT: the message was taken. */
        ON_QUIT
    }

    private final ServerSocket socket;
    private final CutOff cutOff;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();

    ScriptedSmtpServer(int port, CutOff cutOff) {
        this.cutOff = cutOff;
        try {
            this.socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many connections were opened to it. */
    int connections() {
        return connections.get();
    }

    /** How many messages it received in full (up to the final "."). */
    int messages() {
        return messages.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                converse(client);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    while (!".".equals(in.readLine())) {
                        // the message's lines
                    }
                    messages.incrementAndGet();
                    if (cutOff == CutOff.BEFORE_ANSWERING_THE_DATA) {
                        reset(client);
                        return;
                    }
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    if (cutOff == CutOff.ON_QUIT) {
                        reset(client);
                        return;
                    }
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Closes with a TCP reset, so the client's next read fails instead of seeing a clean end. */
    private static void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }
}
