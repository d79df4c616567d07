package dev.waitwell.api.shared;

import java.util.List;

/** One page of a list and how many rows the whole list has. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public static <T> ResultPage<T> of(List<T> items, long total, Paging paging) {
        return new ResultPage<>(items, total, paging.page(), paging.size());
    }
}
