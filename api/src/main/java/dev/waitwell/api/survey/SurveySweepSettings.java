package dev.waitwell.api.survey;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** The sweep's policy and its clock, together: when a survey is due. */
@Component
record SurveySweepSettings(SurveyProperties properties, Clock clock) {}
