package org.undersigned.signature;

/** Where a walk through a petition's signatures has got to, in (created_at, id) order. */
record Walked(long createdAt, long id) implements Comparable<Walked> {
    static final Walked START = new Walked(Long.MIN_VALUE, Long.MIN_VALUE);

    @Override
    public int compareTo(Walked other) {
        int byTime = Long.compare(createdAt, other.createdAt);
        return byTime != 0 ? byTime : Long.compare(id, other.id);
    }
}
