package dev.waitwell.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.api.notification.PhoneOrders.PhoneOrder;
import dev.waitwell.api.order.OrderView;
import dev.waitwell.messages.MessageLocales;
import dev.waitwell.messages.Messages;
import dev.waitwell.messages.ShopProperties;
import dev.waitwell.messages.SmsSegments;
import dev.waitwell.workflows.lifecycle.OrderStatus;
import dev.waitwell.workflows.shared.DelayChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmsRepliesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String LINK =
            "https://shop.example/c/orders/%s?token=1798761600.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String LONG_ID = "o-" + "7".repeat(62);
    private static final String ORDER_ID = "ord_2027_000123";

    private final SmsReplies replies = replies(ShopProperties.named("Waitwell Demo Shop"));

    @Test
    void statusListsEveryOpenOrderThatFitsTwoSegmentsThenHowManyMoreWithALink() {
        List<PhoneOrder> open = orders(12);

        String reply = replies.status(Locale.ENGLISH, open);

        assertThat(SmsSegments.count(reply)).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
        assertThat(reply)
                .startsWith("Waitwell Demo Shop: o-1000 delayed, reply WAIT or CANCEL "
                        + open.get(0).code() + ", due 1/1/27; o-1001 awaiting stock, due 1/2/27")
                .containsPattern("\\. [0-9]+ more: https://shop\\.example/c/orders/o-10[0-9]+\\?token=[^ ]+$");
        String firstNotShown = reply.substring(reply.lastIndexOf("/o-") + 1, reply.lastIndexOf('?'));
        assertThat(reply).endsWith(LINK.formatted(firstNotShown)).doesNotContain("; " + firstNotShown + " ");
    }

    @Test
    void statusWithFewOrdersListsThemAll() {
        List<PhoneOrder> open = List.of(
                order("o-1", "READY_TO_SHIP", LocalDate.of(2027, 1, 1), null),
                order("o-2", "AWAITING_RELEASE", null, null));

        assertThat(replies.status(Locale.ENGLISH, open))
                .isEqualTo("Waitwell Demo Shop: o-1 ready to ship, due 1/1/27; o-2 awaiting release, date unknown.");
        assertThat(replies.status(Locale.GERMAN, open))
                .isEqualTo("Waitwell Demo Shop: o-1 versandbereit, Lieferung bis 01.01.27; o-2 wartet auf Erscheinen,"
                        + " Termin noch offen.");
    }

    @Test
    void statusCountsSegmentsNotCharactersWhenTheShopsNameIsNotGsm7() {
        SmsReplies polish = replies(ShopProperties.named("Łódź Kettles"));
        List<PhoneOrder> open = orders(3);

        String reply = polish.status(Locale.ENGLISH, open);

        assertThat(reply.length()).as("three lines would fit 306 characters").isLessThan(300);
        assertThat(SmsSegments.isGsm7(reply)).isFalse();
        assertThat(SmsSegments.count(reply)).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
        assertThat(reply)
                .startsWith("Łódź Kettles: ")
                .endsWith(" " + open.get(0).link());
    }

    @Test
    void aReplyTooLongIsCutAfterAWholeWordAndTheLinkKeptWhole() {
        PhoneOrder order = order(LONG_ID, "AWAITING_DECISION", null, null);

        String reply = replies.chooseOnPage(Locale.ENGLISH, order);

        assertThat(SmsSegments.count(reply)).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
        assertThat(reply)
                .startsWith("Waitwell Demo Shop: order " + LONG_ID + " can switch")
                .containsPattern("[a-z]\\.\\.\\. https://")
                .endsWith(" " + order.link());
    }

    @Test
    void answersInTheLanguageOfTheNumbersMostRecentOrderElseInTheShops() {
        SmsReplies french = replies(new ShopProperties(
                "Boutique Demo", "support@example.com", null, "https://shop.example.com", null, "fr", null));

        assertThat(french.languageOf(
                        List.of(order("o-2", "AWAITING_STOCK", null, "de-DE"), order("o-1", "SHIPPED", null, "en-US"))))
                .isEqualTo(Locale.forLanguageTag("de-DE"));
        assertThat(french.languageOf(List.of(order("o-1", "SHIPPED", null, null))))
                .isEqualTo(Locale.FRENCH);
        assertThat(french.languageOf(List.of(order("o-1", "SHIPPED", null, "ja-JP"))))
                .isEqualTo(Locale.FRENCH);
        assertThat(french.languageOf(List.of())).isEqualTo(Locale.FRENCH);
        assertThat(french.help(Locale.FRENCH)).startsWith("Boutique Demo : SMS sur vos commandes. Répondez STATUS");
    }

    @Test
    void everyReplyFitsTwoSegmentsInGsm7InEachLanguageWithoutBeingCut() {
        for (Locale language : MessageLocales.SHIPPED) {
            for (String reply : everyReply(replies, language, ORDER_ID)) {
                assertThat(SmsSegments.count(reply)).as(reply).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
                assertThat(SmsSegments.isGsm7(reply)).as(reply).isTrue();
                assertThat(reply).startsWith("Waitwell Demo Shop").doesNotContain("...");
            }
        }
    }

    @Test
    void aLongOrAnUnusualShopNameStillFitsTwoSegmentsAndKeepsTheLinkWhole() {
        // A UCS-2 text holds 134 characters in two segments: the longest order id's link alone takes more.
        for (List<String> nameAndOrder : List.of(
                List.of("The Very Long Name Of A Kettle And Teapot Shop GmbH & Co. KG", LONG_ID),
                List.of("Łódź Kettles", ORDER_ID))) {
            String name = nameAndOrder.get(0);
            SmsReplies shop = replies(ShopProperties.named(name));
            for (Locale language : MessageLocales.SHIPPED) {
                for (String reply : everyReply(shop, language, nameAndOrder.get(1))) {
                    assertThat(SmsSegments.count(reply)).as(reply).isLessThanOrEqualTo(Messages.MAX_SMS_SEGMENTS);
                    assertThat(reply).startsWith(name);
                }
                PhoneOrder order = order(nameAndOrder.get(1), "AWAITING_DECISION", null, null);
                assertThat(shop.chooseOnPage(language, order)).endsWith(" " + order.link());
                assertThat(shop.alternativeGone(language, order)).endsWith(" " + order.link());
            }
        }
    }

    @Test
    void germanAndFrenchSayEveryReplyAndEveryStatus() throws IOException {
        Properties english = bundle("replies.properties");
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(english).containsKey("reply.status." + status.name());
        }
        for (String language : List.of("de", "fr")) {
            assertThat(bundle("replies_" + language + ".properties").keySet())
                    .as(language)
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
        }
    }

    /** Each answer the shop's number gives about an order named {@code orderId}. */
    private static List<String> everyReply(SmsReplies replies, Locale language, String orderId) {
        List<String> all = new ArrayList<>(List.of(
                replies.help(language),
                replies.stopped(language),
                replies.started(language),
                replies.noOrders(language),
                replies.noOpenOrders(language),
                replies.noOpenDecision(language),
                replies.tryLater(language),
                replies.notUnderstood(language),
                replies.kept(language, orderId),
                replies.rated(language, orderId)));
        PhoneOrder order = order(orderId, "AWAITING_DECISION", LocalDate.of(2027, 12, 24), null);
        PhoneOrder other = order("o-2", "AWAITING_DECISION", null, null);
        all.addAll(List.of(
                replies.noDecisionOn(language, order),
                replies.tooMany(language, order),
                replies.chooseOnPage(language, order),
                replies.alternativeGone(language, order),
                replies.whichOrder(language, SmsKeyword.SWITCH, List.of(order, other)),
                replies.decidePrompt(language, List.of(order, other)),
                replies.decidePrompt(language, List.of(order)),
                replies.status(language, List.of(order)),
                replies.status(language, orders(50))));
        for (DelayChoice choice : DelayChoice.values()) {
            all.add(replies.decided(language, choice, decided(orderId)));
        }
        return all;
    }

    /** An order as a decision leaves it: the longest sku, a date and a reward code. */
    private static OrderView decided(String orderId) {
        return new OrderView(
                orderId,
                "BACKORDER",
                "AWAITING_STOCK",
                "SKU-" + "X".repeat(60),
                1,
                0,
                0,
                "FULL",
                LocalDate.of(2027, 12, 24),
                "EUR",
                4_000,
                4_000,
                0,
                null,
                null,
                "WAIT-ABCDEFGHJKLM",
                null);
    }

    private static List<PhoneOrder> orders(int count) {
        List<PhoneOrder> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            open.add(order(
                    "o-" + (1000 + i),
                    i == 0 ? "AWAITING_DECISION" : "AWAITING_STOCK",
                    LocalDate.of(2027, 1, 1 + i % 28),
                    null));
        }
        return open;
    }

    private static PhoneOrder order(String orderId, String status, LocalDate promisedDate, String locale) {
        return new PhoneOrder(orderId, status, promisedDate, LINK.formatted(orderId), locale);
    }

    private static SmsReplies replies(ShopProperties shop) {
        return new SmsReplies(new Messages(shop, ZONE), ZONE);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SmsReplies.class.getClassLoader().getResourceAsStream("waitwell/templates/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
