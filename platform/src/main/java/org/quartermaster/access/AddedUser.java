package org.quartermaster.access;

/**
 * A new account and, when a role needs a second factor, the TOTP secret (base32) and the
 * {@code otpauth://} URI to enrol it in an authenticator app: shown once, to hand over.
 */
public record AddedUser(UserAccount account, String totpSecret, String totpUri) {
    @Override
    public String toString() {
        return "AddedUser[" + account + ", totp=" + (totpSecret == null ? "none" : "***") + "]";
    }
}
