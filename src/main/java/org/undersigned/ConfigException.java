package org.undersigned;

/** A configuration value that cannot be used; its message is one line naming the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String key, String problem) {
        super(key + " " + problem);
    }
}
