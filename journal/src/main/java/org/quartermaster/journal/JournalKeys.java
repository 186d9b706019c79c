package org.quartermaster.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The journal's Ed25519 key pair: generation, signing of tree heads, and persistence in a
 * directory as {@value #PRIVATE_FILE} (PKCS#8 DER, owner read/write only where the file system
 * has POSIX permissions) and {@value #PUBLIC_FILE} (X.509 SubjectPublicKeyInfo DER).
 */
public final class JournalKeys {

    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_FILE = "journal-ed25519.pk8";
    public static final String PUBLIC_FILE = "journal-ed25519.pub.der";
    /** Key files are tiny; anything larger is not ours. */
    static final int KEY_FILE_BYTES_MAX = 1024;

    private final KeyPair keyPair;

    private JournalKeys(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** A fresh random key pair. */
    public static JournalKeys generate() {
        try {
            return new JournalKeys(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        }
    }

    /**
     * Loads the key pair from {@code directory}, or generates and saves one when the
     * directory holds neither file (first start).
     */
    public static JournalKeys loadOrGenerate(Path directory) throws IOException {
        if (Files.exists(directory.resolve(PRIVATE_FILE))) {
            return load(directory);
        }
        JournalKeys keys = generate();
        keys.save(directory);
        return keys;
    }

    /** Loads a key pair saved by {@link #save}; the public key must match the private one. */
    public static JournalKeys load(Path directory) throws IOException {
        byte[] privateDer = readSmall(directory.resolve(PRIVATE_FILE));
        byte[] publicDer = readSmall(directory.resolve(PUBLIC_FILE));
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
            JournalKeys keys = new JournalKeys(new KeyPair(publicKey, privateKey));
            keys.checkPairMatches();
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IOException("key files in " + directory + " must hold an Ed25519 pair", e);
        }
    }

    /** Decodes an X.509 (SubjectPublicKeyInfo) Ed25519 public key. */
    public static PublicKey publicKeyFrom(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("public key must be X.509 encoded Ed25519", e);
        }
    }

    /**
     * Writes both files to {@code directory} (created if absent). Refuses to overwrite an
     * existing key: losing the journal key would orphan every head it signed.
     */
    public void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path privatePath = directory.resolve(PRIVATE_FILE);
        if (Files.exists(privatePath)) {
            throw new FileAlreadyExistsException(privatePath.toString());
        }
        createOwnerOnly(privatePath);
        Files.write(privatePath, keyPair.getPrivate().getEncoded());
        Files.write(directory.resolve(PUBLIC_FILE), publicKeyBytes());
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** X.509 SubjectPublicKeyInfo DER encoding of the public key (what a bundle carries). */
    public byte[] publicKeyBytes() {
        return keyPair.getPublic().getEncoded();
    }

    /** Signs {@code head} with the private key. */
    public SignedTreeHead sign(TreeHead head) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keyPair.getPrivate());
            signer.update(head.signedBytes());
            return new SignedTreeHead(head, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing must work with our own key", e);
        }
    }

    private void checkPairMatches() throws IOException {
        TreeHead probe = new TreeHead(0, TreeHasher.emptyRoot(), 0);
        if (!sign(probe).verify(keyPair.getPublic())) {
            throw new IOException("public key file must match the private key file");
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (e.g. Windows): rely on the directory's ACLs.
            Files.createFile(path);
        }
    }

    private static byte[] readSmall(Path path) throws IOException {
        if (Files.size(path) > KEY_FILE_BYTES_MAX) {
            throw new IOException(path + " must be at most " + KEY_FILE_BYTES_MAX + " bytes");
        }
        return Files.readAllBytes(path);
    }
}
