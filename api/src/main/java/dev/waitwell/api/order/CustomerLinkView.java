package dev.waitwell.api.order;

import dev.waitwell.workflows.notification.Channel;
import java.util.List;

/**
 * Support's answer when the customer's link is sent again: never the link itself.
 *
 * @param channels the channels it goes out on (those the customer chose and we have an address for); what became
 *     of each shows in the order's notifications ({@code LINK_RESENT})
 * @param workflowId the worker's workflow that sends it
 */
record CustomerLinkView(String orderId, List<Channel> channels, String workflowId) {

    CustomerLinkView {
        channels = List.copyOf(channels);
    }
}
