package dev.waitwell.messages;

import dev.waitwell.workflows.notification.MessageFacts;
import dev.waitwell.workflows.notification.SmsReplyCode;
import dev.waitwell.workflows.shared.DelayChoice;
import dev.waitwell.workflows.shared.Money;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one message as templates name them, formatted for the customer's language already: {@code order},
 * {@code name}, {@code product}, {@code quantity}, {@code date} (the promised date, or null when unknown),
 * {@code amount} (its size; {@code amountSign} says charged or refunded), {@code total}, {@code paid}, {@code link},
 * {@code carrier}, {@code tracking}, {@code reason}, {@code choices}, {@code deadline}, {@code silenceMeansWait},
 * {@code rewardCode}, {@code rewardPercent}, {@code code} (the order's SMS reply code), and {@code shop} and
 * {@code fmt}. docs/messages.md lists them for shops that write their own templates.
 */
final class MessageVariables {

    private MessageVariables() {}

    static Map<String, Object> of(
            String orderId, String customerName, MessageFacts f, Formats fmt, ShopProperties shop) {
        Map<String, Object> v = new HashMap<>();
        v.put("shop", shop.asVariables());
        v.put("fmt", fmt);
        v.put("order", orderId);
        v.put("code", SmsReplyCode.of(orderId));
        v.put("name", customerName == null || customerName.isBlank() ? null : customerName.strip());
        v.put("product", f.productName() == null ? f.sku() : f.productName());
        v.put("sku", f.sku());
        v.put("quantity", f.quantity());
        v.put("date", fmt.date(f.promisedDate()));
        v.put("amount", f.amount() == null ? null : fmt.money(magnitude(f.amount())));
        v.put("amountSign", f.amount() == null ? 0 : Long.signum(f.amount().amountMinor()));
        v.put("total", fmt.money(f.total()));
        v.put("paid", f.paid() == null || f.paid().amountMinor() == 0 ? null : fmt.money(f.paid()));
        v.put("link", f.customerUrl());
        v.put("carrier", f.carrier());
        v.put("tracking", f.trackingNumber());
        v.put("reason", f.reason());
        v.put("choices", choices(f.choices()));
        List<DelayChoice> offered = f.choices() == null ? List.of() : f.choices();
        v.put("offersWait", offered.contains(DelayChoice.WAIT));
        v.put("offersSwitch", offered.contains(DelayChoice.SWITCH));
        v.put("offersCancel", offered.contains(DelayChoice.CANCEL));
        v.put("deadline", fmt.moment(f.decisionDeadline()));
        v.put("silenceMeansWait", f.silenceMeansWait());
        v.put("rewardCode", f.rewardCode());
        v.put("rewardPercent", f.rewardPercent());
        v.put("compact", false);
        return v;
    }

    /** Each choice offered as {@code name} (WAIT, SWITCH, CANCEL) and the {@code digit} an SMS reply may use. */
    private static List<Map<String, Object>> choices(List<DelayChoice> offered) {
        return offered == null
                ? List.of()
                : offered.stream()
                        .map(choice -> Map.<String, Object>of("name", choice.name(), "digit", choice.replyDigit()))
                        .toList();
    }

    private static Money magnitude(Money money) {
        return Money.of(Math.abs(money.amountMinor()), money.currency());
    }
}
