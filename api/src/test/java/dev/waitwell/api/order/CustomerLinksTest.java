package dev.waitwell.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waitwell.api.shared.WaitwellProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CustomerLinksTest {

    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(180));

    private final CustomerLinks links = new CustomerLinks(properties("a-secret-of-at-least-16-bytes"));

    @Test
    void acceptsItsOwnTokenForTheOrderUntilItExpires() {
        String token = links.tokenFor("order-1", EXPIRES);

        assertThat(links.isValid("order-1", token, NOW)).isTrue();
        assertThat(links.isValid("order-1", token, EXPIRES.minusSeconds(1))).isTrue();
        assertThat(links.isValid("order-1", token, EXPIRES)).isFalse();
    }

    @Test
    void carriesAtLeast128BitsOfUrlSafeSignature() {
        String token = links.tokenFor("order-1", EXPIRES);
        String signature = token.substring(token.indexOf('.') + 1);

        assertThat(token).matches("[0-9]+\\.[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(signature)).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void refusesATokenForAnotherOrderATamperedOneOrAMovedExpiry() {
        String token = links.tokenFor("order-1", EXPIRES);
        String signature = token.substring(token.indexOf('.') + 1);
        char last = signature.charAt(signature.length() - 2);
        String tampered =
                token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        String laterExpiry = (EXPIRES.getEpochSecond() + 86_400) + "." + signature;

        assertThat(links.isValid("order-2", token, NOW)).isFalse();
        assertThat(links.isValid("order-1", tampered, NOW)).isFalse();
        assertThat(links.isValid("order-1", laterExpiry, NOW)).isFalse();
        assertThat(links.isValid("order-1", "garbage", NOW)).isFalse();
        assertThat(links.isValid("order-1", null, NOW)).isFalse();
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String foreign = new CustomerLinks(properties("another-secret-of-16-bytes")).tokenFor("order-1", EXPIRES);

        assertThat(links.isValid("order-1", foreign, NOW)).isFalse();
    }

    @Test
    void buildsTheLinkOnThePublicBaseUrl() {
        assertThat(links.urlFor("order-1", EXPIRES))
                .isEqualTo("https://shop.example/c/orders/order-1?token=" + links.tokenFor("order-1", EXPIRES));
    }

    @Test
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> new CustomerLinks(properties("")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WAITWELL_LINK_SECRET");
        assertThatThrownBy(() -> new CustomerLinks(properties("short"))).hasMessageContaining("too short");
    }

    private static WaitwellProperties properties(String secret) {
        return new WaitwellProperties(
                ZoneId.of("UTC"),
                URI.create("https://shop.example/"),
                new WaitwellProperties.Links(secret, Duration.ofDays(180)),
                new WaitwellProperties.Policy(
                        Duration.ofDays(3),
                        Duration.ofDays(7),
                        Duration.ofDays(2),
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        Duration.ofDays(14),
                        10,
                        Duration.ofDays(90),
                        2000,
                        1000));
    }
}
