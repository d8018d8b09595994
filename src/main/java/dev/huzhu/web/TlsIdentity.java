package dev.huzhu.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The server's TLS key and certificate: an operator's (PEM certificate chain + PKCS#8 PEM key) or a
 * self-signed development certificate built with Bouncy Castle's ASN.1 classes (ECDSA P-256, SHA-256,
 * one year, names localhost, 127.0.0.1 and the listening host), kept in {@code dir} (dev-cert.pem,
 * dev-key.pem, 0600) and reused on later starts, so clients trust it once with {@code --store-ca}.
 */
public record TlsIdentity(PrivateKey key, List<X509Certificate> chain, Path certificateFile) {
    static final char[] KEYSTORE_PASSWORD = "huzhu-tls".toCharArray();

    /** The development identity in {@code dir}: loaded when present, generated (and written) otherwise. */
    public static TlsIdentity development(Path dir, String host) {
        Path cert = dir.resolve("dev-cert.pem");
        Path key = dir.resolve("dev-key.pem");
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return operator(cert, key);
        }
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = kpg.generateKeyPair();
            X509Certificate c = selfSigned(pair, host);
            Files.createDirectories(dir);
            Files.writeString(cert, pem("CERTIFICATE", c.getEncoded()));
            Path tmp = Files.createTempFile(dir, ".key-", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX: the directory's permissions apply
            }
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.move(tmp, key, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new TlsIdentity(pair.getPrivate(), List.of(c), cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the development certificate into " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a development certificate: " + e.getMessage(), e);
        }
    }

    /** An operator's certificate chain (PEM) and PKCS#8 private key (PEM, EC or RSA). */
    public static TlsIdentity operator(Path certPem, Path keyPem) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certPem)))) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new dev.huzhu.protocol.InvalidInputException(certPem + " holds no PEM certificate");
            }
            String text = Files.readString(keyPem, StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new dev.huzhu.protocol.InvalidInputException(keyPem + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with `openssl pkcs8 -topk8 -nocrypt`");
            }
            byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
            PrivateKey key;
            try {
                key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            return new TlsIdentity(key, chain, certPem);
        } catch (IOException e) {
            throw new dev.huzhu.protocol.InvalidInputException("cannot read the TLS certificate or key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new dev.huzhu.protocol.InvalidInputException("cannot use the TLS certificate or key: " + e.getMessage());
        }
    }

    /** The SHA-256 fingerprint of the server certificate (hex, colon-separated), to compare out of band. */
    public String fingerprint() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, KEYSTORE_PASSWORD, chain.toArray(Certificate[]::new));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the TLS key: " + e.getMessage(), e);
        }
    }

    static X509Certificate selfSigned(KeyPair pair, String host) throws GeneralSecurityException, IOException {
        AlgorithmIdentifier alg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        X500Name name = new X500Name("CN=huzhu development store");
        long now = System.currentTimeMillis();
        V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
        g.setSerialNumber(new ASN1Integer(new BigInteger(64, new SecureRandom())));
        g.setSignature(alg);
        g.setIssuer(name);
        g.setSubject(name);
        g.setStartDate(new Time(new Date(now - 60_000)));
        g.setEndDate(new Time(new Date(now + 365L * 24 * 3600 * 1000)));
        g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        if (host != null && !host.isBlank() && !host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("0.0.0.0")) {
            boolean ip = host.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ':');
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        ext.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        g.setExtensions(ext.generate());
        TBSCertificate tbs = g.generateTBSCertificate();
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(pair.getPrivate());
        s.update(tbs.getEncoded(ASN1Encoding.DER));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(tbs);
        v.add(alg);
        v.add(new DERBitString(s.sign()));
        byte[] der = new DERSequence(v).getEncoded(ASN1Encoding.DER);
        X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        c.verify(pair.getPublic());
        return c;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

}
