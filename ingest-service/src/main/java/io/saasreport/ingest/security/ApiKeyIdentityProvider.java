package io.saasreport.ingest.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer key that matches a configured one into an identity with the {@link Roles#INGEST} role. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiKeys apiKeys;

    public ApiKeyIdentityProvider(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return apiKeys.match(request.getToken().getToken())
                .map(principal -> Uni.createFrom().<SecurityIdentity> item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(principal))
                        .addRole(Roles.INGEST)
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("The API key is not valid")));
    }
}
