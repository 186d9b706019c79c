package org.quartermaster.logistics.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures over receipt documents, with keys as base64 DER (X.509 public, PKCS#8
 * private). {@link #verify} needs only the public key and the document: it works offline.
 */
public final class ReceiptSignatures {
    private ReceiptSignatures() {}

    /** A fresh pair: {@code [public, private]}, base64 DER. */
    public static String[] generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(Receipt.ALGORITHM).generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            return new String[] {b64.encodeToString(pair.getPublic().getEncoded()),
                    b64.encodeToString(pair.getPrivate().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** Signs the UTF-8 bytes of {@code document}; returns the signature in base64. */
    public static String sign(String privateKeyBase64, String document) {
        try {
            var key = KeyFactory.getInstance(Receipt.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            Signature s = Signature.getInstance(Receipt.ALGORITHM);
            s.initSign(key);
            s.update(document.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored receipt key cannot sign", e);
        }
    }

    /** True when {@code signatureBase64} is the Ed25519 signature of {@code document} by {@code publicKeyBase64}. */
    public static boolean verify(String publicKeyBase64, String document, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance(Receipt.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance(Receipt.ALGORITHM);
            s.initVerify(key);
            s.update(document.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
