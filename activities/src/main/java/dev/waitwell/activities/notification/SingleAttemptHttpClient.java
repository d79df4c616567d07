package dev.waitwell.activities.notification;

import java.net.URI;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
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

    /** @param endpoint where every call goes instead of twilio.com (a stub), or null for Twilio itself */
    static SingleAttemptHttpClient create(URI endpoint) {
        HttpClientBuilder builder = HttpClients.custom()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG)
                        .build());
        if (endpoint != null) {
            // The SDK always builds https://api.twilio.com URLs; a route planner sends them to the endpoint instead.
            HttpHost host = new HttpHost(endpoint.getScheme(), endpoint.getHost(), endpoint.getPort());
            builder.setRoutePlanner((target, context) -> new HttpRoute(host));
        }
        return new SingleAttemptHttpClient(builder);
    }

    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, NO_RETRY_CODES, ONE_ATTEMPT, 0);
    }
}
