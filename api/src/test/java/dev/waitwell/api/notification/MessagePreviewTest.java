package dev.waitwell.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import dev.waitwell.messages.SmsSegments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ApiTest
class MessagePreviewTest {

    private static final String PREVIEW = "/admin/v1/messages/preview";

    @Autowired
    MockMvc mvc;

    @Test
    void adminAndSupportReadAMilestonesEmailAsHtmlWithItsSubjectInAHeader() throws Exception {
        for (String staff : new String[] {"admin", "support"}) {
            MockHttpServletResponse email = mvc.perform(preview(staff, "CONFIRMED", "EMAIL", null))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
                    .andReturn()
                    .getResponse();

            assertThat(email.getContentAsString())
                    .contains("<html lang=\"en\">", "Camera One", "o-1001", "€499.00")
                    .doesNotContain("<script");
            assertThat(subject(email)).contains("o-1001", "Camera One");
        }
    }

    @Test
    void theHtmlMayNeitherRunNorLoadAnythingInTheStaffsBrowser() throws Exception {
        mvc.perform(preview("admin", "DELAY_NOTICE", "EMAIL", "fr"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("<html lang=\"fr\">")));
    }

    @Test
    void theSubjectHeaderIsAsciiAndDecodesToTheLocalizedSubject() throws Exception {
        MockHttpServletResponse email = mvc.perform(preview("support", "CONFIRMED", "EMAIL", "de-DE"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        String raw = email.getHeader(MessagePreviewController.SUBJECT);
        assertThat(raw).isASCII().doesNotContain(" ");
        assertThat(subject(email)).contains("1. Juni 2027");
    }

    @Test
    void theTextBodyIsPlainText() throws Exception {
        mvc.perform(preview("admin", "SHIPPED", "EMAIL", null).param("format", "text"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().exists(MessagePreviewController.SUBJECT))
                .andExpect(content()
                        .string(allOf(
                                containsString("1Z999AA10123456784"),
                                org.hamcrest.Matchers.not(containsString("<p")))));
    }

    @Test
    void aGermanSmsComesWithItsSegmentCount() throws Exception {
        MockHttpServletResponse sms = mvc.perform(preview("support", "CONFIRMED", "SMS", "de-DE"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andReturn()
                .getResponse();

        String text = sms.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("Waitwell Demo Shop, Bestellung o-1001: Camera One bestätigt.")
                .contains("01.06.27", "499,00 €", "https://shop.example.com/c/orders/o-1001");
        assertThat(sms.getHeader(MessagePreviewController.SEGMENTS)).isEqualTo(String.valueOf(SmsSegments.count(text)));
        assertThat(Integer.parseInt(sms.getHeader(MessagePreviewController.SEGMENTS)))
                .isBetween(1, 2);
        assertThat(sms.getHeader(MessagePreviewController.ENCODING)).isEqualTo("GSM-7");
    }

    @Test
    void opsAndNobodyAreRefused() throws Exception {
        mvc.perform(preview("ops", "CONFIRMED", "EMAIL", null)).andExpect(status().isForbidden());
        mvc.perform(preview("shop", "CONFIRMED", "EMAIL", null)).andExpect(status().isForbidden());
        mvc.perform(get(PREVIEW).param("milestone", "CONFIRMED").param("channel", "EMAIL"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownMilestoneIsA400NamingTheValueAndTheAllowedOnes() throws Exception {
        refused(preview("admin", "BIRTHDAY", "EMAIL", null), "milestone", "'BIRTHDAY'", "CONFIRMED", "SHIPPED");
        refused(preview("admin", null, "EMAIL", null), "milestone", "is required", "CONFIRMED");
    }

    @Test
    void anUnknownChannelIsA400() throws Exception {
        refused(preview("admin", "CONFIRMED", "FAX", null), "channel", "'FAX'", "EMAIL, SMS");
        refused(preview("admin", "CONFIRMED", null, null), "channel", "is required", "EMAIL, SMS");
    }

    @Test
    void aLanguageThatDoesNotShipIsA400() throws Exception {
        refused(preview("admin", "CONFIRMED", "EMAIL", "es-ES"), "locale", "'es-ES'", "en, de, fr");
        refused(preview("admin", "CONFIRMED", "EMAIL", "not a tag"), "locale", "'not a tag'", "en, de, fr");
    }

    @Test
    void anUnknownFormatIsA400() throws Exception {
        refused(preview("admin", "CONFIRMED", "EMAIL", null).param("format", "pdf"), "format", "'pdf'", "html, text");
    }

    private void refused(MockHttpServletRequestBuilder request, String parameter, String... words) throws Exception {
        String message = mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(message).contains(words);
    }

    private static MockHttpServletRequestBuilder preview(String user, String milestone, String channel, String locale) {
        MockHttpServletRequestBuilder request = get(PREVIEW).with(httpBasic(user, user));
        if (milestone != null) {
            request.param("milestone", milestone);
        }
        if (channel != null) {
            request.param("channel", channel);
        }
        if (locale != null) {
            request.param("locale", locale);
        }
        return request;
    }

    private static String subject(MockHttpServletResponse email) {
        return URLDecoder.decode(email.getHeader(MessagePreviewController.SUBJECT), StandardCharsets.UTF_8);
    }
}
