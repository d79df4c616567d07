package dev.waitwell.workflows.delay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waitwell.workflows.delay.DelayRules.Move;
import dev.waitwell.workflows.shared.DelayChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DelayRulesTest {

    private static final LocalDate PROMISED = LocalDate.of(2027, 3, 1);
    private static final LocalDate LIMIT = LocalDate.of(2027, 4, 30);
    private static final Duration SILENT_CONSENT = Duration.ofDays(30);

    @Test
    void aLaterDateIsADelay() {
        assertThat(DelayRules.classify(PROMISED, PROMISED.plusDays(5), LIMIT)).isEqualTo(Move.SLIPPED);
    }

    @Test
    void noDateAnyMoreIsADelay() {
        assertThat(DelayRules.classify(PROMISED, null, LIMIT)).isEqualTo(Move.SLIPPED);
    }

    @Test
    void anEarlierDateIsGoodNews() {
        assertThat(DelayRules.classify(PROMISED, PROMISED.minusDays(3), LIMIT)).isEqualTo(Move.IMPROVED);
    }

    @Test
    void aDateAfterNoneIsGoodNewsWithinTheLimitAndADelayBeyondIt() {
        assertThat(DelayRules.classify(null, LIMIT, LIMIT)).isEqualTo(Move.IMPROVED);
        assertThat(DelayRules.classify(null, LIMIT.plusDays(1), LIMIT)).isEqualTo(Move.SLIPPED);
    }

    @Test
    void theSameDateOrStillNoneChangesNothing() {
        assertThat(DelayRules.classify(PROMISED, PROMISED, LIMIT)).isEqualTo(Move.UNCHANGED);
        assertThat(DelayRules.classify(null, null, LIMIT)).isEqualTo(Move.UNCHANGED);
    }

    @Test
    void withoutALimitAnyEarlierDateIsGoodNews() {
        assertThat(DelayRules.classify(PROMISED, PROMISED.minusDays(1), null)).isEqualTo(Move.IMPROVED);
        assertThat(DelayRules.classify(PROMISED, PROMISED.plusYears(2), null)).isEqualTo(Move.SLIPPED);
    }

    @Test
    void aFirstShortDelayToADateOffersEverythingAndSilenceWaits() {
        DelayRules.Offer offer = DelayRules.offer(1, PROMISED.plusDays(30), PROMISED, LIMIT, SILENT_CONSENT);

        assertThat(offer.choices()).containsExactly(DelayChoice.WAIT, DelayChoice.SWITCH, DelayChoice.CANCEL);
        assertThat(offer.silenceMeansWait()).isTrue();
    }

    @Test
    void silenceCancelsASecondDelay() {
        assertThat(DelayRules.offer(2, PROMISED.plusDays(5), PROMISED, LIMIT, SILENT_CONSENT)
                        .silenceMeansWait())
                .isFalse();
    }

    @Test
    void silenceCancelsALongDelay() {
        assertThat(DelayRules.offer(1, PROMISED.plusDays(31), PROMISED, LIMIT, SILENT_CONSENT)
                        .silenceMeansWait())
                .isFalse();
    }

    @Test
    void silenceCancelsADelayWithoutADate() {
        DelayRules.Offer offer = DelayRules.offer(1, null, PROMISED, LIMIT, SILENT_CONSENT);

        assertThat(offer.silenceMeansWait()).isFalse();
        assertThat(offer.choices()).contains(DelayChoice.WAIT);
    }

    @Test
    void beyondTheOrdersLimitWaitingIsNoLongerOffered() {
        DelayRules.Offer offer =
                DelayRules.offer(1, LIMIT.plusDays(1), LIMIT.minusDays(10), LIMIT, Duration.ofDays(60));

        assertThat(offer.choices()).containsExactly(DelayChoice.SWITCH, DelayChoice.CANCEL);
        assertThat(offer.silenceMeansWait()).isFalse();
    }

    @Test
    void aPromisedDateExpiresAtTheStartOfTheNextDayInTheShopsZone() {
        assertThat(DelayRules.expiry(PROMISED, ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2027-03-01T23:00:00Z"));
        assertThat(DelayRules.expiry(PROMISED, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2027-03-02T00:00:00Z"));
    }
}
