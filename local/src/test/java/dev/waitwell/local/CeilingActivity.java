package dev.waitwell.local;

import io.temporal.activity.ActivityInterface;

/** The one step {@link CeilingWorkflow} takes after its signal; public because the SDK proxies it. */
@ActivityInterface
public interface CeilingActivity {

    void step();
}
