package dev.waitwell.api.ratelimit;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Where a test request comes from, as the servlet container (or a trusted proxy's header) would say. */
final class ClientAddress {

    private ClientAddress() {}

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
