package dev.waitwell.api.notification;

import com.twilio.security.RequestValidator;
import dev.waitwell.api.shared.ApiException;
import dev.waitwell.api.shared.ProblemCodes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;

/**
 * The {@code X-Twilio-Signature} of a form POST, as Twilio computes it: Base64 of the HMAC-SHA1, keyed with the
 * auth token, of the full URL followed by every parameter sorted by name, each name immediately followed by its
 * value. Checked with Twilio's own {@link RequestValidator} from its SDK; {@link #of} signs as Twilio does (tests
 * sign their requests with it, and check it against Twilio's documented example).
 */
final class TwilioSignature {

    private TwilioSignature() {}

    /**
     * Refuses a request Twilio did not sign with the configured auth token (or any request when none is configured).
     *
     * @throws ApiException 403 {@code SIGNATURE_INVALID}: nothing may be done
     */
    static void require(TwilioProperties twilio, String url, String signature, Map<String, String[]> parameters) {
        if (!twilio.configured() || !matches(signature, twilio.authToken(), url, parameters)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    ProblemCodes.SIGNATURE_INVALID,
                    "The request is not signed by Twilio with the configured auth token.");
        }
    }

    static String of(String authToken, String url, Map<String, String[]> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> {
            String[] sorted = values.clone();
            Arrays.sort(sorted);
            for (String value : sorted) {
                signed.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /**
     * Whether {@code given} is Twilio's signature of these parameters posted to {@code url}. Twilio never repeats a
     * parameter in its callbacks, and its validator takes one value per name: a repeated one does not match.
     */
    static boolean matches(String given, String authToken, String url, Map<String, String[]> parameters) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        Map<String, String> single = new HashMap<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getValue().length != 1) {
                return false;
            }
            single.put(parameter.getKey(), parameter.getValue()[0]);
        }
        return new RequestValidator(authToken).validate(url, single, given);
    }
}
