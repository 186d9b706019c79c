package org.quartermaster.access.web;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID Connect identity provider the platform trusts: its issuer and endpoints, this
 * platform's client id (and secret, for a confidential client), the redirect URI registered
 * with the provider, the ID token claim that names the local account (e.g.
 * {@code preferred_username} or {@code email}), and what in an ID token proves a second factor:
 * an {@code amr} value in {@code mfaAmr} (RFC 8176 names; by default {@code mfa}, {@code otp},
 * {@code hwk}) or an {@code acr} value in {@code mfaAcr} (the provider's own names; none by
 * default). Without that proof an account whose roles need a second factor completes its
 * sign-in with its local one-time code.
 */
public record OidcSettings(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, String clientId,
                           String clientSecret, URI redirectUri, String userClaim, Set<String> mfaAmr,
                           Set<String> mfaAcr) {
    /** {@code amr} values (RFC 8176) accepted as a second factor unless configured otherwise. */
    public static final Set<String> MFA_AMR_DEFAULT = Set.of("mfa", "otp", "hwk");
    /** Longest list of accepted values; a longer one is a configuration mistake. */
    static final int MFA_VALUES_MAX = 50;

    public OidcSettings {
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("issuer is required");
        if (authorizationEndpoint == null || tokenEndpoint == null || jwksUri == null) {
            throw new IllegalArgumentException("the provider's endpoints are required");
        }
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("clientId is required");
        if (redirectUri == null) throw new IllegalArgumentException("redirectUri is required");
        if (userClaim == null || userClaim.isBlank()) userClaim = "preferred_username";
        mfaAmr = values("mfaAmr", mfaAmr == null ? MFA_AMR_DEFAULT : mfaAmr);
        mfaAcr = values("mfaAcr", mfaAcr == null ? Set.of() : mfaAcr);
    }

    /** The provider with other {@code amr} and {@code acr} values accepted as a second factor (null: the defaults). */
    public OidcSettings withSecondFactorClaims(Set<String> amr, Set<String> acr) {
        return new OidcSettings(issuer, authorizationEndpoint, tokenEndpoint, jwksUri, clientId, clientSecret,
                redirectUri, userClaim, amr, acr);
    }

    /**
     * Whether an ID token with these {@code amr} values and this {@code acr} (either may be null)
     * proves that the provider checked a second factor.
     */
    public boolean provesSecondFactor(java.util.List<String> amr, String acr) {
        if (amr != null && amr.stream().anyMatch(mfaAmr::contains)) return true;
        return acr != null && mfaAcr.contains(acr);
    }

    private static Set<String> values(String name, Set<String> raw) {
        if (raw.size() > MFA_VALUES_MAX) throw new IllegalArgumentException(name + " holds more than " + MFA_VALUES_MAX);
        for (String v : raw) {
            if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " holds a blank value");
        }
        return Set.copyOf(raw);
    }

    /** A comma-separated list of the environment; null when the variable is unset (the default applies). */
    static Set<String> list(String raw) {
        if (raw == null) return null;
        Set<String> out = new java.util.TreeSet<>();
        for (String v : raw.split(",")) if (!v.isBlank()) out.add(v.strip());
        return out;
    }

    /**
     * Reads the provider's endpoints from its discovery document
     * ({@code issuer/.well-known/openid-configuration}); its issuer must be {@code issuer}.
     */
    public static OidcSettings discover(String issuer, String clientId, String clientSecret, URI redirectUri,
                                        String userClaim) {
        try {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
            var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base
                            + "/.well-known/openid-configuration")).timeout(java.time.Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("discovery of " + issuer + " answered " + response.statusCode());
            }
            Map<?, ?> doc = com.nimbusds.jose.util.JSONObjectUtils.parse(response.body());
            if (!issuer.equals(doc.get("issuer"))) {
                throw new IllegalStateException("the discovery document names issuer " + doc.get("issuer"));
            }
            return new OidcSettings(issuer, URI.create((String) doc.get("authorization_endpoint")),
                    URI.create((String) doc.get("token_endpoint")), URI.create((String) doc.get("jwks_uri")), clientId,
                    clientSecret, redirectUri, userClaim, null, null);
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("discovery of " + issuer + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("discovery interrupted", e);
        }
    }

    /**
     * From the environment: {@code QM_OIDC_ISSUER}, {@code QM_OIDC_CLIENT_ID},
     * {@code QM_OIDC_CLIENT_SECRET} (optional), {@code QM_OIDC_REDIRECT_URI},
     * {@code QM_OIDC_USER_CLAIM} (optional), {@code QM_OIDC_MFA_AMR} and {@code QM_OIDC_MFA_ACR}
     * (optional, comma-separated; an empty value accepts none); null when no issuer is set.
     */
    public static OidcSettings fromEnvironment(Map<String, String> env) {
        String issuer = env.get("QM_OIDC_ISSUER");
        if (issuer == null || issuer.isBlank()) return null;
        return discover(issuer, env.get("QM_OIDC_CLIENT_ID"), env.get("QM_OIDC_CLIENT_SECRET"),
                URI.create(env.getOrDefault("QM_OIDC_REDIRECT_URI", "")), env.get("QM_OIDC_USER_CLAIM"))
                .withSecondFactorClaims(list(env.get("QM_OIDC_MFA_AMR")), list(env.get("QM_OIDC_MFA_ACR")));
    }
}
