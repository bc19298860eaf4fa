package classlab.core.data;

/**
 * A data set cut in two disjoint parts.
 *
 * @param train   the part to train on
 * @param heldOut the validation or test part
 */
public record Split(LabeledData train, LabeledData heldOut) {
}
