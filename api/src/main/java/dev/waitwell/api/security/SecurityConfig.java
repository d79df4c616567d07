package dev.waitwell.api.security;

import static dev.waitwell.api.security.Roles.ADMIN;
import static dev.waitwell.api.security.Roles.OPS;
import static dev.waitwell.api.security.Roles.STOREFRONT;
import static dev.waitwell.api.security.Roles.SUPPORT;

import dev.waitwell.api.ratelimit.FailedLogins;
import dev.waitwell.api.ratelimit.StorefrontCallers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    UserDetailsService apiUsers(ApiSecurityProperties security) {
        // A plain UserDetailsService, not the manager itself: as a UserDetailsPasswordService the manager would
        // let Spring Security re-encode "{noop}" passwords with BCrypt at the first login, and every request after
        // that would pay a BCrypt check (~100 ms). Passwords stay as configured.
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(ApiUsers.parse(security.users()));
        return manager::loadUserByUsername;
    }

    /** For the rate limits: the shop's checkout draws on an allowance of its own. */
    @Bean
    StorefrontCallers storefrontCallers() {
        return caller -> caller instanceof Authentication authentication && Callers.isStorefrontOnly(authentication);
    }

    @Bean
    PasswordEncoder apiPasswords() {
        return new RememberedLogins(PasswordEncoderFactories.createDelegatingPasswordEncoder(), System::nanoTime);
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            FailedLogins failedLogins)
            throws Exception {
        // Refusals go through the MVC exception handling so that they are problem details like every other error.
        AuthenticationEntryPoint unauthenticated =
                (request, response, e) -> resolver.resolveException(request, response, null, e);
        AccessDeniedHandler denied = (request, response, e) -> resolver.resolveException(request, response, null, e);
        // No CSRF token (nothing is kept in a browser session) and no CORS: a page of another site can neither read
        // answers nor send JSON or custom headers, which is what CrossSiteRequestGuard asks of every change.
        return http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .addFilterBefore(new CrossSiteRequestGuard(resolver), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                // Not a bean, so that the servlet container does not run it a second time outside the chain.
                .addFilterBefore(new FailedLoginThrottle(failedLogins, resolver), BasicAuthenticationFilter.class)
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/error")
                        .permitAll()
                        // The customer's signed link is the key: the token is checked by each of these.
                        .requestMatchers(HttpMethod.GET, "/c/orders/*")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/c/orders/*/decision",
                                "/c/orders/*/payment-method",
                                "/c/orders/*/survey",
                                "/c/v1/orders/*/decision",
                                "/c/v1/orders/*/survey")
                        .permitAll()
                        // Twilio and Stripe sign their callbacks; the signatures are checked by the controllers.
                        .requestMatchers(
                                HttpMethod.POST,
                                "/webhooks/twilio/status",
                                "/webhooks/twilio/inbound",
                                "/webhooks/stripe")
                        .permitAll()
                        .requestMatchers(HttpMethod.PUT, "/admin/v1/products/*", "/admin/v1/products/*/eta")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/admin/v1/products/*")
                        .hasAnyRole(ADMIN, SUPPORT, OPS)
                        .requestMatchers(HttpMethod.POST, "/admin/v1/products/*/release")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/admin/v1/products/*/receipts")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                HttpMethod.POST, "/admin/v1/purchase-orders", "/admin/v1/purchase-orders/*/receipts")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/admin/v1/purchase-orders/*")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/admin/v1/receipts/*")
                        .hasAnyRole(ADMIN, SUPPORT, OPS)
                        .requestMatchers(HttpMethod.GET, "/admin/v1/purchase-orders", "/admin/v1/purchase-orders/*")
                        .hasAnyRole(ADMIN, SUPPORT, OPS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/orders")
                        .hasAnyRole(STOREFRONT, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/orders/*")
                        .authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/orders/*/payment-method")
                        .hasAnyRole(STOREFRONT, SUPPORT)
                        .requestMatchers(HttpMethod.GET, "/admin/v1/orders", "/admin/v1/orders/*", "/admin/v1/audit")
                        .hasAnyRole(ADMIN, SUPPORT, OPS)
                        .requestMatchers(HttpMethod.POST, "/admin/v1/orders/*/recovery")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/admin/v1/orders/*/shipment",
                                "/admin/v1/orders/*/cancellation",
                                "/admin/v1/orders/*/payment-retry",
                                "/admin/v1/orders/*/priority",
                                "/admin/v1/orders/*/decision",
                                // Sends the customer their link (never shown to the caller): audited.
                                "/admin/v1/orders/*/customer-link")
                        .hasAnyRole(ADMIN, SUPPORT)
                        // Renders the shop's templates with sample facts: for those who answer customers.
                        .requestMatchers(HttpMethod.GET, "/admin/v1/messages/preview")
                        .hasAnyRole(ADMIN, SUPPORT)
                        .requestMatchers(HttpMethod.GET, "/admin/v1/ledger", "/admin/v1/reports/*")
                        .hasAnyRole(ADMIN, OPS)
                        // Business figures and the process's own metrics: for operations' Prometheus, not the shop.
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasAnyRole(ADMIN, OPS)
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
