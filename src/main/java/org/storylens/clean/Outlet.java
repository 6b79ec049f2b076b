package org.storylens.clean;

import java.util.List;

/**
 * A known news outlet or agency.
 *
 * @param name            canonical display name
 * @param agency          true for a news agency (a wire), false for a publisher
 * @param country         ISO 3166-1 alpha-2 code of its home country
 * @param stateAffiliated true when it is state-owned or state-controlled
 * @param aliases         other names it is written as
 * @param domains         its web domains, without {@code www.}
 */
public record Outlet(String name, boolean agency, String country, boolean stateAffiliated, List<String> aliases,
                     List<String> domains) {

    public Outlet {
        aliases = List.copyOf(aliases);
        domains = List.copyOf(domains);
    }
}
