package org.undersigned.signature;

import java.util.Arrays;
import java.util.List;

/** The kinds of organisation a sign-on form offers; the code is stored, the name comes from the bundle. */
public enum OrgType {
    NGO, NETWORK, MIGRANT_LED, COMMUNITY, TRADE_UNION, FAITH_BASED, LEGAL_AID, RESEARCH, FOUNDATION, PUBLIC_BODY, OTHER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String code) {
        return Arrays.stream(values()).anyMatch(t -> t.code().equals(code));
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(OrgType::code).toList();
    }
}
