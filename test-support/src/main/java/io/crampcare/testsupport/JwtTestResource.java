package io.crampcare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A key pair made for this test run (never stored in the repository): the service verifies tokens with the public
 * key, {@link TestTokens} signs them with the private one. Both are PEM files in a temporary folder.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    /** Config property naming the private key file, for {@link TestTokens}. */
    public static final String PRIVATE_KEY_LOCATION = "crampcare.test.jwt.private-key-location";
    private static Path publicKey;
    private static Path privateKey;

    @Override
    public synchronized Map<String, String> start() {
        if (publicKey == null) {
            Path[] pair = writeKeyPair();
            publicKey = pair[0];
            privateKey = pair[1];
        }
        return Map.of("mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                PRIVATE_KEY_LOCATION, privateKey.toString());
    }

    /** Writes a fresh key pair as PEM files into a temporary folder removed at exit: {public, private}. */
    public static Path[] writeKeyPair() {
        try {
            KeyPair pair = newKeyPair();
            Path dir = Files.createTempDirectory("crampcare-jwt");
            Path pub = dir.resolve("public.pem");
            Path priv = dir.resolve("private.pem");
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            dir.toFile().deleteOnExit();
            pub.toFile().deleteOnExit();
            priv.toFile().deleteOnExit();
            return new Path[] { pub, priv };
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the test key pair failed", e);
        }
    }

    @Override
    public void stop() {
        // The files go when the JVM exits; other test classes of this run may still use them.
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
