package io.github.aoaiplatform.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block such as {@code 10.10.0.0/24}. */
public record Cidr(long network, int prefix) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /**
     * Parses and checks a CIDR; the address must be the network address (no host bits set).
     *
     * @param text e.g. {@code 10.10.0.0/24}
     * @return the block
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Cidr parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR such as 10.10.0.0/24");
        long addr = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) throw new IllegalArgumentException("'" + text + "' has an octet over 255");
            addr = (addr << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) throw new IllegalArgumentException("'" + text + "' has a prefix over /32");
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((addr & ~mask & 0xFFFFFFFFL) != 0)
            throw new IllegalArgumentException("'" + text + "' has host bits set; use " + format(addr & mask) + "/" + prefix);
        return new Cidr(addr, prefix);
    }

    /**
     * Returns the number of addresses in the block.
     *
     * @return the number of addresses in the block
     */
    public long size() { return 1L << (32 - prefix); }
    /**
     * Returns the block's last address, as an unsigned 32-bit number.
     *
     * @return the block's last address, as an unsigned 32-bit number
     */
    public long last() { return network + size() - 1; }
    /**
     * Compares with another block.
     *
     * @param other another block
     * @return true when {@code other} lies entirely inside this block
     */
    public boolean contains(Cidr other) { return other.network >= network && other.last() <= last(); }
    /**
     * Compares with another block.
     *
     * @param other another block
     * @return true when the two blocks share an address
     */
    public boolean overlaps(Cidr other) { return network <= other.last() && other.network <= last(); }

    private static String format(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    @Override public String toString() { return format(network) + "/" + prefix; }
}
