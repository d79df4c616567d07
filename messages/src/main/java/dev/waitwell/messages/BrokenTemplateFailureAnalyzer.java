package dev.waitwell.messages;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start stopped by a broken template says which file and what, not a page of bean-creation errors. */
class BrokenTemplateFailureAnalyzer extends AbstractFailureAnalyzer<BrokenTemplateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokenTemplateException cause) {
        return new FailureAnalysis(
                "A message template is broken: " + cause.getMessage(),
                "Fix the file named above (or remove it from WAITWELL_TEMPLATES_DIR to use the built-in one) and start"
                        + " again. Every template is rendered with sample facts at start-up, so none fails at send"
                        + " time.",
                cause);
    }
}
