package dev.waitwell.api.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The saved payment methods the configured gateway knows. */
@Component
public class PaymentMethods {

    private final JdbcClient jdbc;

    PaymentMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String paymentMethod) {
        return jdbc.sql("SELECT count(*) FROM payment_methods WHERE id = ?")
                        .param(paymentMethod)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
