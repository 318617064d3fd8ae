package org.survkit.stats.km;

import java.util.Objects;

/**
 * A survival curve with the group it describes.
 *
 * @param group the group label ("all" for an ungrouped fit)
 * @param curve the curve
 */
public record GroupCurve(String group, SurvivalCurve curve) {
    public GroupCurve {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(curve, "curve");
    }
}
