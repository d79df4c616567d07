package dev.waitwell.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.waitwell.workflows.delay.PromiseReviewWorkflowImpl;
import dev.waitwell.workflows.inventory.AllocationBatch;
import dev.waitwell.workflows.inventory.AllocationFanOutWorkflowImpl;
import dev.waitwell.workflows.inventory.InventoryActivities;
import dev.waitwell.workflows.inventory.OrderAllocations;
import dev.waitwell.workflows.inventory.ReturnedUnits;
import dev.waitwell.workflows.inventory.StockAllocation;
import dev.waitwell.workflows.inventory.StockReceiptWorkflowImpl;
import dev.waitwell.workflows.inventory.StockRequest;
import dev.waitwell.workflows.ledger.LedgerActivities;
import dev.waitwell.workflows.lifecycle.TimelineActivities;
import dev.waitwell.workflows.notification.CustomerLinkWorkflowImpl;
import dev.waitwell.workflows.notification.MessageOutbox;
import dev.waitwell.workflows.notification.NotificationActivities;
import dev.waitwell.workflows.notification.NotificationRequest;
import dev.waitwell.workflows.notification.NotificationResult;
import dev.waitwell.workflows.notification.SmsFallbackWorkflowImpl;
import dev.waitwell.workflows.order.OrderActivities;
import dev.waitwell.workflows.order.OrderWorkflowImpl;
import dev.waitwell.workflows.payment.ChargeRequest;
import dev.waitwell.workflows.payment.ChargeResult;
import dev.waitwell.workflows.payment.PartialRefundRequest;
import dev.waitwell.workflows.payment.PaymentActivities;
import dev.waitwell.workflows.payment.RefundReconciliationWorkflowImpl;
import dev.waitwell.workflows.payment.RefundRequest;
import dev.waitwell.workflows.payment.RefundResult;
import dev.waitwell.workflows.payment.SaveMethodRequest;
import dev.waitwell.workflows.payment.SavedMethod;
import dev.waitwell.workflows.payment.WaitingChargeCancellation;
import dev.waitwell.workflows.preorder.ProductReleaseWorkflowImpl;
import dev.waitwell.workflows.preorder.ReleaseActivities;
import dev.waitwell.workflows.preorder.ReleaseNotices;
import dev.waitwell.workflows.preorder.ReleaseRequest;
import dev.waitwell.workflows.preorder.ReleasedProduct;
import dev.waitwell.workflows.shared.BusinessFailure;
import dev.waitwell.workflows.shared.Money;
import dev.waitwell.workflows.shared.TaskQueues;
import dev.waitwell.workflows.survey.SurveyWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Temporal test service with a worker running the real order, release, receipt and allocation fan-out
 * workflows over mocked activities (and a {@link StockActivitiesFake} that allocates in the test database). Its
 * client replaces the autoconfigured one (Temporal's autoconfiguration is off in tests). {@link DelayActivitiesFake}
 * and {@link PromiseReviewActivitiesFake} do the delay process's writes there too, {@link SmsFallbackActivitiesFake}
 * the SMS fallback's, {@link RecoveryActivitiesFake} support's rebuilds (run by {@link OrderRecoveryWorkflowFake}). The mocks charge and refund what they are asked to (and write it, with the timeline, for the
 * orders a test names: {@link WorkerWrites}; charges whose bank asks the customer to confirm: {@link AuthenticatingBank}),
 * let go of a charge that waits on the bank as the worker's activity does (the completed charge, or none), and the
 * release marks the product, lists its open pre-orders and
 * allocates them launch stock in the test database, like the real activities.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTemporal {

    /** The mocked activities, reset to their default behaviour before each test. */
    public static final class Activities {

        /** Like the sandbox gateway: this method attaches, but every charge on it is declined. */
        public static final String DECLINING_METHOD = "pm_card_chargeDeclined";

        public final PaymentActivities payments = quietMock(PaymentActivities.class);
        public final OrderActivities orders = quietMock(OrderActivities.class);
        public final TimelineActivities timeline = quietMock(TimelineActivities.class);
        public final InventoryActivities inventory = quietMock(InventoryActivities.class);
        public final LedgerActivities ledger = quietMock(LedgerActivities.class);
        public final NotificationActivities notifications = quietMock(NotificationActivities.class);
        /** The message queue and the worker's sender in one: a queued message goes to {@link #notifications} at once. */
        public final MessageOutbox outbox = new MessageOutbox() {
            @Override
            public void queue(NotificationRequest request) {
                notifications.notify(request);
            }
        };

        public final ReleaseActivities releases = quietMock(ReleaseActivities.class);
        /** Charges on {@link AuthenticatingBank#METHOD} wait on the customer's bank. */
        public final AuthenticatingBank bank;

        public final StockActivitiesFake stock;
        public final DelayActivitiesFake delays;
        public final PromiseReviewActivitiesFake reviews;
        public final SmsFallbackActivitiesFake smsFallbacks;
        /** The worker's side of support's rebuilds. */
        public final RecoveryActivitiesFake recovery;
        /** Opens surveys in the test database. */
        public final SurveyActivitiesFake surveys;

        /** The test service's client, for telling orders of a release as the worker's activity does. */
        volatile WorkflowClient client;

        private final Map<String, Long> charged = new ConcurrentHashMap<>();
        private final Map<String, ChargeResult> paidCharges = new ConcurrentHashMap<>();
        private final JdbcClient jdbc;
        private final WorkerWrites writes;

        Activities(JdbcClient jdbc, TransactionTemplate transaction) {
            this.jdbc = jdbc;
            this.writes = new WorkerWrites(jdbc, transaction);
            this.bank = new AuthenticatingBank(jdbc);
            this.stock = new StockActivitiesFake(jdbc, transaction);
            this.delays = new DelayActivitiesFake(jdbc, transaction);
            this.reviews = new PromiseReviewActivitiesFake(jdbc, transaction);
            this.smsFallbacks = new SmsFallbackActivitiesFake(jdbc);
            this.recovery = new RecoveryActivitiesFake(jdbc);
            this.surveys = new SurveyActivitiesFake(jdbc);
            reset();
        }

        /**
         * Until the next {@link #reset()}, the mocks also write for these orders what the worker's activities would
         * (see {@link WorkerWrites}): timeline, statuses, payments with their postings, units given back.
         */
        public void writeToDatabase(String... orderIds) {
            for (String orderId : orderIds) {
                writes.add(orderId);
            }
        }

        public void reset() {
            org.mockito.Mockito.reset(payments, orders, timeline, inventory, ledger, notifications, releases);
            writes.clear();
            doAnswer(call -> {
                        writes.event(call.getArgument(0));
                        return null;
                    })
                    .when(timeline)
                    .recordEvent(any());
            doAnswer(call -> {
                        writes.status(call.getArgument(0));
                        return null;
                    })
                    .when(timeline)
                    .recordStatus(any());
            when(payments.charge(any())).thenAnswer(call -> {
                ChargeRequest request = call.getArgument(0);
                if (DECLINING_METHOD.equals(request.paymentMethod())) {
                    throw BusinessFailure.PAYMENT_DECLINED.raise("Your card was declined.");
                }
                if (AuthenticatingBank.METHOD.equals(request.paymentMethod())) {
                    return bank.charge(request);
                }
                charged.merge(request.orderId(), request.amount().amountMinor(), Long::sum);
                writes.charge(request, "ch_" + request.idempotencyKey());
                ChargeResult result = new ChargeResult("ch_" + request.idempotencyKey(), request.amount());
                paidCharges.put(request.idempotencyKey(), result);
                return result;
            });
            when(payments.cancelWaitingCharge(any())).thenAnswer(call -> {
                ChargeRequest request = call.getArgument(0);
                if (AuthenticatingBank.METHOD.equals(request.paymentMethod())) {
                    return bank.cancel(request);
                }
                // Only the bank's charges wait; on other methods the charge is what it is now: paid, or nothing.
                return new WaitingChargeCancellation(paidCharges.get(request.idempotencyKey()));
            });
            when(payments.saveForLater(any())).thenAnswer(call -> {
                SaveMethodRequest request = call.getArgument(0);
                return new SavedMethod("seti_" + request.idempotencyKey(), null);
            });
            when(payments.refundAll(any())).thenAnswer(call -> {
                RefundRequest request = call.getArgument(0);
                if (writes.covers(request.orderId())) {
                    charged.remove(request.orderId());
                    return new RefundResult(Money.of(writes.refundAll(request), request.currency()));
                }
                Long amount = charged.remove(request.orderId());
                return new RefundResult(Money.of(amount == null ? 0 : amount, request.currency()));
            });
            when(payments.refundPart(any())).thenAnswer(call -> {
                PartialRefundRequest request = call.getArgument(0);
                charged.merge(request.orderId(), -request.amount().amountMinor(), Long::sum);
                return new RefundResult(request.amount());
            });
            when(notifications.notify(any())).thenReturn(new NotificationResult(List.of()));
            when(inventory.allocationsOf(any())).thenAnswer(call -> allocationsOf(call.getArgument(0)));
            when(inventory.releaseUnits(any())).thenAnswer(call -> {
                StockRequest request = call.getArgument(0);
                return new ReturnedUnits(writes.covers(request.orderId()) ? writes.releaseUnits(request) : 0, null);
            });
            when(releases.markReleased(any())).thenAnswer(call -> {
                ReleaseRequest request = call.getArgument(0);
                AllocationBatch batch = stock.release(request.sku());
                // As the real activity: the waiting pre-orders are listed to be told, and only the untold returned.
                jdbc.sql("""
                        INSERT INTO release_notices (sku, order_id)
                        SELECT sku, order_id FROM orders WHERE sku = ? AND status = 'AWAITING_RELEASE'
                        ON CONFLICT DO NOTHING""").param(request.sku()).update();
                List<String> waiting =
                        jdbc.sql("""
                                SELECT o.order_id FROM orders o JOIN release_notices n
                                    ON n.sku = o.sku AND n.order_id = o.order_id AND n.told_at IS NULL
                                 WHERE o.sku = ? AND o.status = 'AWAITING_RELEASE' ORDER BY o.order_id""").param(request.sku()).query(String.class).list();
                return new ReleasedProduct(request.sku(), waiting, batch);
            });
            doAnswer(call -> {
                        ReleaseNotices told = call.getArgument(0);
                        told.orderIds()
                                .forEach(orderId -> jdbc.sql(
                                                "UPDATE release_notices SET told_at = now() WHERE sku = ? AND order_id = ?")
                                        .params(told.sku(), orderId)
                                        .update());
                        return null;
                    })
                    .when(releases)
                    .ordersTold(any());
            // As the real activity: a signal each (an order without a running workflow counts as closed), then told.
            when(releases.tellOrders(any())).thenAnswer(call -> {
                ReleaseNotices notices = call.getArgument(0);
                int closed = 0;
                for (String orderId : notices.orderIds()) {
                    try {
                        client.newUntypedWorkflowStub(dev.waitwell.workflows.shared.OrderWorkflowIds.of(orderId))
                                .signal("productReleased");
                    } catch (io.temporal.client.WorkflowNotFoundException gone) {
                        closed++;
                    }
                }
                releases.ordersTold(notices);
                return closed;
            });
            when(inventory.joinQueueOnRelease(any())).thenAnswer(call -> {
                StockRequest request = call.getArgument(0);
                return stock.release(request.sku());
            });
        }

        /** What the database holds for the order, as the real activity reads it. */
        private OrderAllocations allocationsOf(StockRequest request) {
            int units = jdbc.sql("SELECT coalesce(max(allocated), 0) FROM order_stock WHERE order_id = ?")
                    .param(request.orderId())
                    .query(Integer.class)
                    .single();
            List<StockAllocation> allocations = jdbc.sql("""
                    SELECT a.id, a.quantity FROM allocations a JOIN allocation_batches b ON b.id = a.batch_id
                     WHERE a.order_id = ? AND b.sku = ? ORDER BY a.id""")
                    .params(request.orderId(), request.sku())
                    .query((rs, row) -> new StockAllocation(rs.getLong(1), rs.getInt(2)))
                    .list();
            return new OrderAllocations(units, allocations);
        }

        private static <T> T quietMock(Class<T> type) {
            return mock(type, withSettings().withoutAnnotations());
        }
    }

    @Bean
    Activities testActivities(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new Activities(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean(destroyMethod = "close")
    TestWorkflowEnvironment testWorkflowEnvironment(Activities activities) {
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance();
        // As the worker does at start-up: the API starts orders with these attributes.
        dev.waitwell.workflows.shared.WaitwellSearchAttributes.ALL.forEach(environment::registerSearchAttribute);
        Worker worker = environment.newWorker(TaskQueues.ORDERS);
        worker.registerWorkflowImplementationTypes(
                OrderWorkflowImpl.class,
                ProductReleaseWorkflowImpl.class,
                StockReceiptWorkflowImpl.class,
                AllocationFanOutWorkflowImpl.class,
                PromiseReviewWorkflowImpl.class,
                SmsFallbackWorkflowImpl.class,
                CustomerLinkWorkflowImpl.class,
                SurveyWorkflowImpl.class,
                RefundReconciliationWorkflowImpl.class,
                OrderRecoveryWorkflowFake.class);
        worker.registerActivitiesImplementations(
                activities.payments,
                activities.orders,
                activities.timeline,
                activities.inventory,
                activities.ledger,
                activities.notifications,
                activities.outbox,
                activities.releases,
                activities.stock,
                activities.delays,
                activities.reviews,
                activities.smsFallbacks,
                activities.recovery,
                activities.surveys);
        environment.start();
        activities.recovery.useClient(environment.getWorkflowClient());
        activities.client = environment.getWorkflowClient();
        return environment;
    }

    @Bean
    WorkflowClient workflowClient(TestWorkflowEnvironment environment) {
        return environment.getWorkflowClient();
    }
}
