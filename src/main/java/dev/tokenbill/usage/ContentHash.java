package dev.tokenbill.usage;

/**
 * A 128-bit hash of a usage row's content (every cell, by column name, spaces around values
 * ignored). Two rows with one event id and equal hashes are an exact duplicate; with different
 * hashes a conflict. Murmur3 128: two different rows collide with a probability near 2^-128.
 */
public record ContentHash(long high, long low) {

    public String hex() {
        return String.format("%016x%016x", high, low);
    }
}
