package dev.huzhu.privacy;

import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in exactly one server certificate (or CA), given as a PEM file: the client for a store served
 * with a self-signed development certificate (`huzhu serve --tls` writes it). Host names are still
 * checked; nothing is trusted blindly.
 */
public final class TrustedCertificate {
    private TrustedCertificate() {}

    public static SSLContext sslContext(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("trusted-" + n++, c);
            }
            if (n == 0) {
                throw new InvalidInputException(pem + " holds no PEM certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("certificate file " + pem + " does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("cannot read certificate " + pem + ": " + e.getMessage());
        }
    }
}
