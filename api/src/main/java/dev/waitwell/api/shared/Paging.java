package dev.waitwell.api.shared;

/** A page of a list: {@code page} counts from 0, {@code size} rows per page. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
