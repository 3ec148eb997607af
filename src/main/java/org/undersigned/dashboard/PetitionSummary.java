package org.undersigned.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.StateCounts;

/**
 * One line of the dashboard: a statement or campaign, where it stands now (scheduled until it opens),
 * where its signatures stand, and whether approval is part of it (asked, or sign-ons still await it).
 */
public record PetitionSummary(long id, Kind kind, String slug, String title, PetitionStatus status, Long opensAt, StateCounts counts,
                              boolean approval) {
    public String path() {
        return kind.path(slug);
    }

    /** The dashboard's lines, a line per state each, folded into one summary per petition in their order. */
    static List<PetitionSummary> of(List<DashboardDao.Line> lines, long now) {
        Map<Long, List<DashboardDao.Line>> byPetition = new LinkedHashMap<>();
        lines.forEach(l -> byPetition.computeIfAbsent(l.id(), id -> new ArrayList<>()).add(l));
        return byPetition.values().stream().map(ls -> {
            DashboardDao.Line first = ls.get(0);
            StateCounts counts = StateCounts.of(ls.stream().filter(l -> l.state() != null)
                    .map(l -> new StateCounts.Row(l.state(), l.count())).toList());
            return new PetitionSummary(first.id(), first.kind(), first.slug(), first.title(),
                    PetitionStatus.at(first.status(), first.opensAt(), first.closesAt(), now), first.opensAt(), counts,
                    first.needsApproval() || counts.awaiting() > 0);
        }).toList();
    }
}
