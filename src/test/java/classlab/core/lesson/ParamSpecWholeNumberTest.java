package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import classlab.core.UserException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trial 5, item 24: a whole number too large for the field is out of range, not "expected a whole number". */
class ParamSpecWholeNumberTest {
    private final ParamSpec trainSize = ParamSpec.integer("train_size", 10000, 100, 60000);

    @Test
    void aHugeWholeNumberIsOutOfRange() {
        UserException e = assertThrows(UserException.class, () -> trainSize.parse("99999999999999"));
        assertEquals("error.param.range", e.key());
        assertEquals(List.of("train_size", "99999999999999", "100", "60000"), e.args());
        UserException negative = assertThrows(UserException.class, () -> trainSize.parse("-99999999999999"));
        assertEquals("error.param.range", negative.key());
    }

    @Test
    void textIsStillNotAWholeNumber() {
        assertEquals("error.param.whole_number", assertThrows(UserException.class, () -> trainSize.parse("abc")).key());
        assertEquals("error.param.whole_number", assertThrows(UserException.class, () -> trainSize.parse("1.5")).key());
    }
}
