package dev.waitwell.activities.notification;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.Locale;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * Twilio's HTTP client with neither the SDK's retries (it repeats any 5xx within the call) nor Apache
 * HttpClient's (it re-sends on 503 and 429). One request per activity attempt: Temporal owns retries, with
 * backoff and a record of each attempt, and a message is never sent twice behind our back.
 */
class SingleAttemptHttpClient extends NetworkHttpClient {

    private static final int[] NO_RETRY_CODES = {};
    private static final int ONE_ATTEMPT = 1;

    private SingleAttemptHttpClient(HttpClientBuilder builder) {
        super(builder);
    }

    /**
     * @param endpoint where every call goes instead of twilio.com (a sandbox or stub), or null for Twilio itself
     * @throws IllegalArgumentException when the endpoint is not a bare {@code http(s)://host[:port]} base URL
     */
    static SingleAttemptHttpClient create(URI endpoint) {
        HttpClientBuilder builder = HttpClients.custom()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG)
                        .build());
        if (endpoint != null) {
            // The SDK always builds https://api.twilio.com URLs; a route planner sends them to the endpoint instead.
            HttpHost host = routeTarget(endpoint);
            HttpRoute route = new HttpRoute(host, null, "https".equals(host.getSchemeName()));
            builder.setRoutePlanner((target, context) -> route);
        }
        return new SingleAttemptHttpClient(builder);
    }

    /**
     * The host every call is routed to. A custom route planner skips Apache HttpClient's scheme default port,
     * so a missing port is filled in here (443 / 80) instead of connecting to port -1. Only the host changes:
     * the SDK's request paths stay {@code /2010-04-01/...}, so a path in the endpoint could never be honoured
     * and is refused at startup rather than ignored.
     */
    static HttpHost routeTarget(URI endpoint) {
        String scheme =
                endpoint.getScheme() == null ? null : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || endpoint.getHost() == null) {
            throw invalid(endpoint, "it must be an http or https URL with a host");
        }
        String path = endpoint.getRawPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null
                || endpoint.getRawUserInfo() != null) {
            throw invalid(endpoint, "only scheme, host and port are used, so it must have no path, query or user info");
        }
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(scheme) ? 443 : 80;
        return new HttpHost(scheme, endpoint.getHost(), port);
    }

    private static IllegalArgumentException invalid(URI endpoint, String why) {
        return new IllegalArgumentException("WAITWELL_SMS_TWILIO_ENDPOINT (waitwell.sms.twilio.endpoint) '" + endpoint
                + "' is not a base URL like https://sandbox.example or http://127.0.0.1:8089: " + why + ".");
    }

    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, NO_RETRY_CODES, ONE_ATTEMPT, 0);
    }
}
