package org.undersigned.campaign;

/** How many confirmed supporters one country has. */
public record CountryCount(String country, long count) {}
