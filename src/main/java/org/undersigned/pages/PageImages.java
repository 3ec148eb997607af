package org.undersigned.pages;

/**
 * A petition's image as public pages may show it: only when this site serves it, as the pages
 * load nothing from elsewhere (their policy allows images from the site itself only); an image on
 * another host stays in social previews.
 */
public final class PageImages {
    private PageImages() {}

    /** The image's path on this site, or null. */
    public static String local(String url, String baseUrl) {
        if (url == null) return null;
        if (url.startsWith(baseUrl + "/")) return url.substring(baseUrl.length());
        return url.startsWith("/") && !url.startsWith("//") ? url : null;
    }
}
