package org.quartermaster.access.web;

import java.net.URI;
import java.util.Map;

/**
 * An OpenID Connect identity provider the platform trusts: its issuer and endpoints, this
 * platform's client id (and secret, for a confidential client), the redirect URI registered
 * with the provider, and the ID token claim that names the local account (e.g.
 * {@code preferred_username} or {@code email}).
 */
public record OidcSettings(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, String clientId,
                           String clientSecret, URI redirectUri, String userClaim) {
    public OidcSettings {
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("issuer is required");
        if (authorizationEndpoint == null || tokenEndpoint == null || jwksUri == null) {
            throw new IllegalArgumentException("the provider's endpoints are required");
        }
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("clientId is required");
        if (redirectUri == null) throw new IllegalArgumentException("redirectUri is required");
        if (userClaim == null || userClaim.isBlank()) userClaim = "preferred_username";
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
                    clientSecret, redirectUri, userClaim);
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
     * {@code QM_OIDC_USER_CLAIM} (optional); null when no issuer is set.
     */
    public static OidcSettings fromEnvironment(Map<String, String> env) {
        String issuer = env.get("QM_OIDC_ISSUER");
        if (issuer == null || issuer.isBlank()) return null;
        return discover(issuer, env.get("QM_OIDC_CLIENT_ID"), env.get("QM_OIDC_CLIENT_SECRET"),
                URI.create(env.getOrDefault("QM_OIDC_REDIRECT_URI", "")), env.get("QM_OIDC_USER_CLAIM"));
    }
}
