package dev.waitwell.stripe.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for Stripe's API on a local port, for tests and the local run: the calls Waitwell makes, answered as
 * Stripe's test payment methods behave ({@code pm_card_visa} pays, {@code pm_card_chargeDeclined...} decline,
 * {@code pm_card_authenticationRequired} asks the customer's bank). Point stripe-java at {@link #baseUrl()}
 * ({@code StripeClient.builder().setApiBase(...)}) with any {@code sk_...} key.
 *
 * <p>Like Stripe, it replays the first answer to a POST whose {@code Idempotency-Key} it has seen (and refuses the
 * key with other parameters). It records every request, and lets a test play the customer (finish or fail an
 * authentication), the shop's staff (a refund in the dashboard) and Stripe's bad days (server errors, answers that
 * come too late, keys forgotten after a day). A separate process drives the same through
 * {@code /_standin/...} ({@link ControlHandler}).
 *
 * <pre>{@code java -jar waitwell-stripe-standin.jar [port] [bind-address]}</pre>
 */
public final class StripeStandIn implements AutoCloseable {

    /** The API version of stripe-java 33.3.0 ({@code com.stripe.ApiVersion.CURRENT}), which events carry. */
    public static final String API_VERSION = "2026-07-29.dahlia";

    /** The port {@link #main} listens on when none is given (stripe-mock's). */
    public static final int DEFAULT_PORT = 12111;

    private final Object lock = new Object();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Store store;
    private final Intents intents;
    private final Refunds refunds;
    private final ApiHandler api;

    private StripeStandIn(HttpServer server, ExecutorService executor, String baseUrl) {
        this.server = server;
        this.executor = executor;
        this.store = new Store(baseUrl);
        this.intents = new Intents(store);
        this.refunds = new Refunds(store, intents);
        this.api = new ApiHandler(lock, intents, refunds);
        server.createContext("/v1/", api);
        server.createContext("/_standin/", new ControlHandler(this));
    }

    /** Starts on a free port of 127.0.0.1. */
    public static StripeStandIn start() {
        return start("127.0.0.1", 0);
    }

    /** Starts on {@code port} (0: any free port) of {@code bindAddress}. */
    public static StripeStandIn start(String bindAddress, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "stripe-standin");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            String host = "0.0.0.0".equals(bindAddress) ? "localhost" : bindAddress;
            StripeStandIn standIn = new StripeStandIn(
                    server,
                    executor,
                    "http://" + host + ":" + server.getAddress().getPort());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Stripe stand-in on " + bindAddress + ":" + port, e);
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        String bindAddress = args.length > 1 ? args[1] : "127.0.0.1";
        StripeStandIn standIn = start(bindAddress, port);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "stripe-standin-stop"));
        System.out.println("Stripe stand-in listening on " + standIn.baseUrl() + " (WAITWELL_PAYMENTS_STRIPE_API_BASE="
                + standIn.baseUrl() + ")");
    }

    /** Where stripe-java's API base points: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return store.baseUrl();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received on {@code /v1}, in order. */
    public List<RecordedRequest> requests() {
        return api.requests();
    }

    /** The requests of {@code method} on exactly {@code path} ({@code /v1/payment_intents}), in order. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests().stream().filter(request -> request.is(method, path)).toList();
    }

    /** The next {@code count} requests answer HTTP 500 and change nothing (nothing is kept under their keys). */
    public void failNextRequests(int count) {
        api.outages().add(null, null, Outages.Mode.FAIL, count, Duration.ZERO);
    }

    /** The same for the next {@code count} requests of {@code method} on {@code path} ({@code *}: any one segment). */
    public void failNextRequests(String method, String path, int count) {
        api.outages().add(method, path, Outages.Mode.FAIL, count, Duration.ZERO);
    }

    /**
     * The next {@code count} requests of {@code method} on {@code path} fail with a 500 that Stripe keeps under their
     * idempotency keys, as it keeps any answer once an endpoint began: a retry under the same key gets the same 500
     * again, marked {@code Idempotent-Replayed: true}, until the key is forgotten ({@link #forgetIdempotencyKeys}).
     *
     * @param carriedOut whether the request did its work (a PaymentIntent made and confirmed) before it failed
     */
    public void failNextRequestsKeepingTheError(String method, String path, int count, boolean carriedOut) {
        api.outages()
                .add(
                        method,
                        path,
                        carriedOut ? Outages.Mode.FAIL_KEPT_AFTER_RUNNING : Outages.Mode.FAIL_KEPT,
                        count,
                        Duration.ZERO);
    }

    /**
     * The next {@code count} requests are carried out, but their answers wait {@code delay}: a client with a shorter
     * read timeout gives up although the work is done, as happens when Stripe is slow.
     */
    public void hangNextRequests(int count, Duration delay) {
        api.outages().add(null, null, Outages.Mode.HANG, count, delay);
    }

    /** The same for the next {@code count} requests of {@code method} on {@code path} ({@code *}: any one segment). */
    public void hangNextRequests(String method, String path, int count, Duration delay) {
        api.outages().add(method, path, Outages.Mode.HANG, count, delay);
    }

    /**
     * The next {@code count} requests of {@code method} on {@code path} are refused as Stripe refuses them for
     * {@code refusal} (a card saved by another customer, a disputed charge, a rate limit...): nothing is done, nothing
     * is kept under their keys. A {@code *} in the path stands for one segment (an intent's id), as it does for the
     * other outages of one endpoint.
     */
    public void refuseNextRequests(String method, String path, int count, Refusal refusal) {
        api.outages().refuse(method, path, count, refusal);
    }

    /** Ends every outage and refusal still to come: the next requests are answered normally. */
    public void endOutages() {
        api.outages().clear();
    }

    /** Forgets every idempotency key, as Stripe does after about 24 hours. */
    public void forgetIdempotencyKeys() {
        api.forgetIdempotencyKeys();
    }

    /**
     * The customer finished (or failed) the authentication their bank asked for: a PaymentIntent succeeds (or needs a
     * new payment method, {@code payment_intent_authentication_failure}); a SetupIntent ({@code seti_...}) likewise.
     *
     * @return the intent's status now
     */
    public String completeAuthentication(String intentId, boolean succeeded) {
        synchronized (lock) {
            if (intentId.startsWith("seti_")) {
                SetupIntent intent = store.setupIntents.get(intentId);
                if (intent == null) {
                    throw new IllegalArgumentException("no SetupIntent " + intentId);
                }
                intent.authenticated(store, succeeded);
                return (String) intent.json().get("status");
            }
            PaymentIntent intent = intents.paymentIntentOf(intentId);
            intent.authenticated(store, succeeded);
            return intent.status();
        }
    }

    /** Where the customer goes back to after their bank's page: the {@code return_url} of the intent's confirmation. */
    String returnUrlOf(String intentId) {
        synchronized (lock) {
            return intentId.startsWith("seti_")
                    ? store.setupIntents.get(intentId).returnUrl()
                    : intents.paymentIntentOf(intentId).returnUrl();
        }
    }

    /**
     * A customer deleted in Stripe's dashboard: its payment methods are detached, and any request that names it is
     * refused ({@code resource_missing}), as at Stripe.
     */
    public void deleteCustomer(String customerId) {
        synchronized (lock) {
            store.deleteCustomer(customerId);
        }
    }

    /** A refund made in Stripe's dashboard, which Waitwell did not ask for. @return the refund's id */
    public String refundInDashboard(String paymentIntentId, long amount) {
        synchronized (lock) {
            return (String) refunds.inDashboard(paymentIntentId, amount).get("id");
        }
    }

    /** The ids of the PaymentIntents whose metadata has {@code key = value}, oldest first. */
    public List<String> paymentIntentsWithMetadata(String key, String value) {
        synchronized (lock) {
            return store.paymentIntents.values().stream()
                    .filter(intent -> value.equals(intent.metadata().get(key)))
                    .map(PaymentIntent::id)
                    .toList();
        }
    }

    /** What has been refunded of a PaymentIntent's charge so far, through the API and in the dashboard. */
    public long refundedAmount(String paymentIntentId) {
        synchronized (lock) {
            Map<String, Object> charge = refunds.chargeOf(intents.paymentIntentOf(paymentIntentId));
            return charge == null ? 0 : (Long) charge.get("amount_refunded");
        }
    }

    /** A PaymentIntent as the API shows it, for a webhook event's {@code data.object}. */
    public String paymentIntentJson(String paymentIntentId) {
        synchronized (lock) {
            return Json.write(intents.paymentIntent(paymentIntentId));
        }
    }

    /** A PaymentIntent's latest charge as the API shows it ({@code charge.refunded}, {@code charge.dispute...}). */
    public String chargeJson(String paymentIntentId) {
        synchronized (lock) {
            return Json.write(refunds.chargeOf(intents.paymentIntentOf(paymentIntentId)));
        }
    }

    /** A webhook event signed now: see {@link SignedEvent#of}. */
    public static SignedEvent signedEvent(String type, String objectJson, String secret) {
        return SignedEvent.of(type, objectJson, secret, Instant.now());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
