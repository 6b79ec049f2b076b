package org.storylens.brief;

import java.util.ArrayList;
import java.util.List;

/** Sentences of different articles of a story that say the same thing: at most one per article, oldest first. */
final class StatementGroup {

    private final List<Statement> members = new ArrayList<>();

    StatementGroup(Statement first) {
        members.add(first);
    }

    StatementGroup(List<Statement> members) {
        this.members.addAll(members);
    }

    void add(Statement s) {
        members.add(s);
    }

    List<Statement> members() {
        return members;
    }

    boolean hasArticle(int articleOrder) {
        for (Statement s : members) {
            if (s.articleOrder() == articleOrder) {
                return true;
            }
        }
        return false;
    }
}
