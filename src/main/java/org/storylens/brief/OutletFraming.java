package org.storylens.brief;

import java.util.List;

/**
 * How one outlet told the story, compared with the story's other outlets.
 *
 * @param outlet           the outlet's name (the article id when no outlet can be told)
 * @param country          ISO 3166 alpha-2 country of the outlet from the outlet table, or null when unknown
 * @param stateAffiliated  true when the outlet table marks it as state-owned or state-controlled
 * @param articles         ids of its articles in the story
 * @param omits            texts of claims most other outlets report that this outlet does not (its coverage gaps)
 * @param distinctiveWords its most distinctive words against the other outlets (weighted log-odds with an
 *                         informative prior), most distinctive first
 * @param topEntities      the entities it mentions most, by canonical name, most-mentioned first
 */
public record OutletFraming(String outlet, String country, boolean stateAffiliated, List<String> articles,
                            List<String> omits, List<String> distinctiveWords, List<String> topEntities) {

    public OutletFraming {
        articles = List.copyOf(articles);
        omits = List.copyOf(omits);
        distinctiveWords = List.copyOf(distinctiveWords);
        topEntities = List.copyOf(topEntities);
    }
}
