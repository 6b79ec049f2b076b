package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeMlDocumentTest {

    @Test
    void readsTheCreationTimeAndGoldTimexOffsetsIntoTheStrippedText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("APW1.tml");
        Files.writeString(file, """
                <?xml version="1.0" ?>
                <TimeML>
                <DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
                <TEXT>
                AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> it
                would <EVENT eid="e2">sell</EVENT> shares <TIMEX3 tid="t2" type="DATE" value="1998-W33">next week</TIMEX3>.
                </TEXT>
                </TimeML>
                """);

        TimeMlDocument doc = TimeMlDocument.read(file);

        assertThat(doc.id()).isEqualTo("APW1");
        assertThat(doc.dct()).isEqualTo(LocalDate.of(1998, 8, 7));
        assertThat(doc.text()).contains("AT&T said Friday it").doesNotContain("<");
        assertThat(doc.gold()).hasSize(2);
        assertThat(doc.gold()).allSatisfy(g ->
                assertThat(doc.text().substring(g.span().start(), g.span().end())).isEqualTo(g.text()));
        assertThat(doc.gold().get(0).text()).isEqualTo("Friday");
        assertThat(doc.gold().get(1).value()).isEqualTo("1998-W33");
        assertThat(doc.gold().get(1).type()).isEqualTo("DATE");
    }

    @Test
    void namesTheFileItCannotRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.tml");
        Files.writeString(file, "<TimeML><TEXT>no creation time</TEXT></TimeML>");
        assertThatThrownBy(() -> TimeMlDocument.read(file)).hasMessageContaining("broken.tml");
    }
}
