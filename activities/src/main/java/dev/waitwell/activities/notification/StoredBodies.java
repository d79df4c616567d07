package dev.waitwell.activities.notification;

/**
 * What a message said, as kept on its row: without the customer's signed link, which acts for the customer until
 * it expires and does not belong in the database or its backups. The SMS fallback puts a fresh link back.
 */
final class StoredBodies {

    static final String LINK = "[order page link]";

    private StoredBodies() {}

    /** The body to keep: {@code url} (the signed link) replaced by a placeholder. */
    static String withoutLink(String body, String url) {
        return body == null || url == null || url.isEmpty() ? body : body.replace(url, LINK);
    }

    /**
     * A kept body made whole again with {@code url}; without one, {@code noLink} (the customer's words for where to
     * look) takes the placeholder's place.
     */
    static String withLink(String body, String url, String noLink) {
        if (body == null) {
            return null;
        }
        return body.replace(LINK, url != null ? url : noLink);
    }
}
