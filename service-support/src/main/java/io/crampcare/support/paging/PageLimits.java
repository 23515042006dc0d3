package io.crampcare.support.paging;

/** The page sizes of a listing ({@code pageSize} query parameter): a {@code @ConfigMapping} root implements it. */
public interface PageLimits {

    /** Page size when the client gives none. */
    int defaultSize();

    /** Largest page size a client may ask for. */
    int maxSize();
}
