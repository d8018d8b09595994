package dev.huzhu.cli.resident;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Asks a resident process something over its endpoint, as the launcher does (the `resident` command and the tests). */
public final class ResidentClient {
    private static final int TIMEOUT_MS = 5_000;

    private ResidentClient() {}

    /** The one-line answer to {@code kind} with {@code args}, or empty when no resident process answers. */
    public static Optional<String> ask(Path dir, String kind, String[] args, Map<String, String> env) {
        Optional<ResidentEndpoint> endpoint = ResidentEndpoint.read(dir);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.get().port()), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            field(req, ResidentRequest.TAG);
            field(req, endpoint.get().token());
            field(req, kind);
            field(req, dev.huzhu.cli.ProjectDir.get().toString());
            field(req, Integer.toString(args.length));
            for (String a : args) {
                field(req, a);
            }
            for (Map.Entry<String, String> e : env.entrySet()) {
                field(req, e.getKey() + "=" + e.getValue());
            }
            field(req, "");
            s.getOutputStream().write(req.toByteArray());
            s.getOutputStream().flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }
}
