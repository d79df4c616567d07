package dev.waitwell.api.security;

import static dev.waitwell.api.Fixtures.inDays;
import static dev.waitwell.api.Fixtures.order;
import static dev.waitwell.api.Fixtures.placeOrder;
import static dev.waitwell.api.Fixtures.postAs;
import static dev.waitwell.api.Fixtures.product;
import static dev.waitwell.api.Fixtures.putProduct;
import static dev.waitwell.api.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.TestTemporal;
import dev.waitwell.api.order.CustomerLinks;
import dev.waitwell.workflows.notification.Milestone;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Issue #12, "a read-only role can act as the customer": the signed link's token acts for the customer, so no staff
 * role ever receives it; the storefront still shows the customer their link, and support sends it to the customer
 * instead of reading it.
 */
@ApiTest
class CustomerTokenExposureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerLinks links;

    @Autowired
    TestTemporal.Activities activities;

    @Autowired
    WorkflowClient client;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "support", "ops"})
    void noStaffRoleReceivesTheCustomersTokenFromAnyOrderEndpoint(String user) throws Exception {
        Placed placed = placed();
        // Something on the audit trail for every role to read, and the worker's writes to list.
        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/priority",
                        "{\"priority\": 1, \"reason\": \"vip\"}",
                        placed.orderId()))
                .andExpect(status().isOk());
        List<String> answers = new ArrayList<>();
        answers.add(body(get("/api/v1/orders/{id}", placed.orderId()).with(httpBasic(user, user))));
        answers.add(body(get("/admin/v1/orders/{id}", placed.orderId()).with(httpBasic(user, user))));
        answers.add(body(get("/admin/v1/orders").param("sku", placed.sku()).with(httpBasic(user, user))));
        answers.add(
                body(get("/admin/v1/audit").param("orderId", placed.orderId()).with(httpBasic(user, user))));
        if (!"ops".equals(user)) {
            answers.add(body(postAs(
                    user,
                    "/admin/v1/orders/{id}/priority",
                    "{\"priority\": 2, \"reason\": \"vip\"}",
                    placed.orderId())));
            answers.add(body(postAs(user, "/admin/v1/orders/{id}/customer-link", "{}", placed.orderId())));
        }
        if ("support".equals(user)) {
            answers.add(body(put("/api/v1/orders/{id}/payment-method", placed.orderId())
                    .with(httpBasic(user, user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"paymentMethod\": \"pm_card_mastercard\"}")));
        }
        if ("admin".equals(user)) {
            answers.add(body(
                    postAs(user, "/api/v1/orders", order(unique("adm"), placed.sku(), 1, "DEPOSIT", "pm_card_visa"))));
        }

        assertThat(answers)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(json -> assertThat(json)
                        .contains("\"orderId\":")
                        .doesNotContain(placed.signature(), "token=", "/c/orders/", "customerUrl"));
    }

    @Test
    void theStorefrontGetsTheLinkOnCheckoutAndOnItsOwnReadOfTheOrder() throws Exception {
        Placed placed = placed();

        String read = body(get("/api/v1/orders/{id}", placed.orderId()).with(httpBasic("shop", "shop")));

        assertThat(placed.customerUrl()).startsWith("https://shop.example/c/orders/" + placed.orderId() + "?token=");
        assertThat(links.isValid(placed.orderId(), placed.token(), Instant.now()))
                .isTrue();
        assertThat(JsonPath.<String>read(read, "$.customerUrl")).isEqualTo(placed.customerUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "shop"})
    void neitherOpsNorTheStorefrontMaySendTheCustomerTheirLink(String user) throws Exception {
        Placed placed = placed();

        mvc.perform(postAs(user, "/admin/v1/orders/{id}/customer-link", "{}", placed.orderId()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));

        assertThat(linkActions(placed.orderId())).isEmpty();
        assertThat(linkMessages(placed.orderId())).isEmpty();
    }

    @Test
    void supportSendsTheCustomerAFreshValidLinkThroughTheWorkerAuditedAndNeverSeesIt() throws Exception {
        Placed placed = placed();

        String answer = mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/customer-link",
                        "{\"reason\": \"customer lost the email\"}",
                        placed.orderId()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.orderId").value(placed.orderId()))
                .andExpect(jsonPath("$.channels", contains("EMAIL", "SMS")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        long actionId = jdbc.sql("SELECT id FROM staff_actions WHERE order_id = ? AND action = 'CUSTOMER_LINK_SENT'")
                .param(placed.orderId())
                .query(Long.class)
                .single();
        assertThat(linkActions(placed.orderId())).containsExactly("support customer lost the email EMAIL, SMS");
        String workflowId = "customer-link-" + placed.orderId() + "-" + actionId;
        assertThat(JsonPath.<String>read(answer, "$.workflowId")).isEqualTo(workflowId);
        assertThat(answer).doesNotContain(placed.signature(), "token=");
        client.newUntypedWorkflowStub(workflowId).getResult(NotificationResult.class);
        List<NotificationRequest> sent = linkMessages(placed.orderId());
        assertThat(sent).extracting(NotificationRequest::key).containsExactly("LINK_RESENT-" + actionId);
        String link = sent.get(0).facts().customerUrl();
        assertThat(link).startsWith("https://shop.example/c/orders/" + placed.orderId() + "?token=");
        assertThat(links.isValid(
                        placed.orderId(), URI.create(link).getRawQuery().substring(6), Instant.now()))
                .isTrue();
    }

    @Test
    void anUnknownOrderIs404AndAFinishedOrderOrOneWithoutAChannelIs409() throws Exception {
        mvc.perform(postAs("support", "/admin/v1/orders/{id}/customer-link", "{}", unique("nobody")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ORDER_NOT_FOUND"));
        Placed cancelled = placed();
        mvc.perform(postAs(
                        "support",
                        "/admin/v1/orders/{id}/cancellation",
                        "{\"reason\": \"changed their mind\"}",
                        cancelled.orderId()))
                .andExpect(status().isOk());
        mvc.perform(postAs("support", "/admin/v1/orders/{id}/customer-link", "{}", cancelled.orderId()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ORDER_FINISHED"));
        String silent = unique("silent");
        String sku = preorderProduct();
        mvc.perform(placeOrder(order(silent, sku, 1, "DEPOSIT", "pm_card_visa")
                        .replace("\"channels\": [\"EMAIL\", \"SMS\"]", "\"channels\": []")))
                .andExpect(status().isCreated());
        mvc.perform(postAs("admin", "/admin/v1/orders/{id}/customer-link", "{}", silent))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NO_CUSTOMER_CHANNEL"));

        assertThat(linkActions(cancelled.orderId())).isEmpty();
        assertThat(linkActions(silent)).isEmpty();
    }

    // ---- helpers

    /** An order placed by the shop, with the link its checkout answer carried. */
    private record Placed(String orderId, String sku, String customerUrl) {

        String token() {
            return URI.create(customerUrl).getRawQuery().substring("token=".length());
        }

        /** The token's HMAC: the part that acts for the customer. */
        String signature() {
            return token().substring(token().indexOf('.') + 1);
        }
    }

    private Placed placed() throws Exception {
        String sku = preorderProduct();
        String orderId = unique("tok");
        // Statuses reach the database as the worker writes them: a cancelled order is finished there too.
        activities.writeToDatabase(orderId);
        String json = mvc.perform(placeOrder(order(orderId, sku, 1, "DEPOSIT", "pm_card_visa")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Placed(orderId, sku, JsonPath.read(json, "$.customerUrl"));
    }

    private String preorderProduct() throws Exception {
        String sku = unique("TOK");
        mvc.perform(putProduct(sku, product(49_900, "USD", inDays(60), 100, 20)))
                .andExpect(status().isCreated());
        return sku;
    }

    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private List<String> linkActions(String orderId) {
        return jdbc.sql("""
                        SELECT username || ' ' || coalesce(reason, '-') || ' ' || details FROM staff_actions
                         WHERE order_id = ? AND action = 'CUSTOMER_LINK_SENT' ORDER BY id""").param(orderId).query(String.class).list();
    }

    /** The LINK_RESENT messages the worker's (mocked) notification activity was asked to send for the order. */
    private List<NotificationRequest> linkMessages(String orderId) {
        return Mockito.mockingDetails(activities.notifications).getInvocations().stream()
                .map(call -> (NotificationRequest) call.getArgument(0))
                .filter(request -> request.orderId().equals(orderId) && request.milestone() == Milestone.LINK_RESENT)
                .toList();
    }
}
