package dev.waitwell.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole API over MockMvc, on a fresh PostgreSQL with the real migrations and the Temporal test service
 * running the real workflows over mocked activities. One context for all tests: they use their own skus
 * and order ids. The {@code local} profile comes first: its demo accounts (which the test profile repeats) are
 * refused at start without it ({@code DemoSecretsRefusedTest}); the test profile's settings override its others.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@Import({TestDatabaseConfig.class, TestTemporal.class})
public @interface ApiTest {}
