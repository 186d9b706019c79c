package org.quartermaster.procurement.model;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealing bids. Each procedure has its own AES-256 key; it is stored only wrapped (AES-GCM) under
 * the platform's sealing key, which is derived from the journal's signing key kept in the data
 * directory, never in the database. A bid is sealed as AES-GCM over its salt and canonical
 * content, with the procedure id and lot as associated data (a sealed bid moved to another
 * procedure or lot does not open). The commitment journalled at submission is
 * SHA-256(salt || content): the random salt keeps a low-entropy price from being guessed by
 * hashing candidates, and is revealed with the content at the opening so anyone can check it.
 */
public final class BidSeal {
    public static final int SALT_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BidSeal() {}

    /** A bid opened: its content and the salt its commitment was made with. */
    public record Opened(BidContent content, byte[] salt) {
        public String commitment() {
            return BidSeal.commitment(salt, content);
        }
    }

    /** A sealed bid ready to store: base64 ciphertext and the hex commitment. */
    public record Sealed(String sealed, String commitment) {}

    /** The platform sealing key derived from secret material (HMAC-SHA256 with a fixed label). */
    public static SecretKey platformKey(byte[] secretMaterial) {
        if (secretMaterial == null || secretMaterial.length < 16) {
            throw new IllegalArgumentException("the sealing key needs at least 16 bytes of secret material");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretMaterial, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("quartermaster procurement bid seal v1".getBytes()), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** A fresh procedure key, wrapped under {@code platformKey} for storage. */
    public static String newProcedureKey(SecretKey platformKey, String procedureLabel) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return encrypt(platformKey, key, ("procedure-key:" + procedureLabel).getBytes());
    }

    /** Unwraps a stored procedure key; only the opening (and sealing a new bid) ever calls this. */
    public static SecretKey procedureKey(SecretKey platformKey, String wrapped, String procedureLabel) {
        return new SecretKeySpec(decrypt(platformKey, wrapped, ("procedure-key:" + procedureLabel).getBytes()), "AES");
    }

    public static Sealed seal(SecretKey procedureKey, String procedureLabel, int lot, BidContent content) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] body = content.canonical();
        byte[] plain = ByteBuffer.allocate(SALT_BYTES + body.length).put(salt).put(body).array();
        String sealed = encrypt(procedureKey, plain, associated(procedureLabel, lot));
        Arrays.fill(plain, (byte) 0);
        return new Sealed(sealed, commitment(salt, content));
    }

    public static Opened open(SecretKey procedureKey, String procedureLabel, int lot, String sealed) {
        byte[] plain = decrypt(procedureKey, sealed, associated(procedureLabel, lot));
        byte[] salt = Arrays.copyOfRange(plain, 0, SALT_BYTES);
        return new Opened(BidContent.parse(Arrays.copyOfRange(plain, SALT_BYTES, plain.length)), salt);
    }

    /** SHA-256(salt || canonical content), lower-case hex. */
    public static String commitment(byte[] salt, BidContent content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(content.canonical());
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static byte[] associated(String procedureLabel, int lot) {
        return ("bid:" + procedureLabel + ":" + lot).getBytes();
    }

    private static String encrypt(SecretKey key, byte[] plain, byte[] associated) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(associated);
            byte[] body = c.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + body.length).put(iv).put(body).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] decrypt(SecretKey key, String sealed, byte[] associated) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(associated);
            return c.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value does not open: tampered or under another key", e);
        }
    }
}
