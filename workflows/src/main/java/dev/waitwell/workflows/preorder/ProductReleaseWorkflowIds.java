package dev.waitwell.workflows.preorder;

/** The one place release workflow ids are made: {@code release-{sku}}. */
public final class ProductReleaseWorkflowIds {

    private ProductReleaseWorkflowIds() {}

    public static String of(String sku) {
        return "release-" + sku;
    }
}
