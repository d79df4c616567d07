package dev.waitwell.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleAttemptHttpClientTest {

    @Test
    void endpointWithoutAPortGoesToTheSchemesDefaultPort() {
        assertThat(SingleAttemptHttpClient.routeTarget(URI.create("https://sandbox.example")))
                .isEqualTo(new HttpHost("https", "sandbox.example", 443));
        assertThat(SingleAttemptHttpClient.routeTarget(URI.create("http://sandbox.example/")))
                .isEqualTo(new HttpHost("http", "sandbox.example", 80));
        assertThat(SingleAttemptHttpClient.routeTarget(URI.create("HTTP://127.0.0.1:8089")))
                .isEqualTo(new HttpHost("http", "127.0.0.1", 8089));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sandbox.example/twilio",
                "https://sandbox.example/2010-04-01/",
                "https://sandbox.example?x=1",
                "ftp://sandbox.example",
                "sandbox.example:8089"
            })
    void smsSenderRefusesToStartWithAnEndpointItCannotHonour(String endpoint) {
        TwilioProperties properties =
                new TwilioProperties("AC0123", "secret", "+15550001111", URI.create(endpoint), null);

        assertThatThrownBy(() -> new SmsSender(properties, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAITWELL_SMS_TWILIO_ENDPOINT")
                .hasMessageContaining(endpoint);
    }
}
