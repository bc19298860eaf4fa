package classlab.core.lesson;

/**
 * A runnable experiment of a lesson. Its label is the message key {@code experiment.<name>}.
 *
 * @param section the section (tab) whose figures it fills
 * @param isDefault the experiment that Run starts and that {@code snapshot} runs
 */
public record Experiment(String name, String section, boolean isDefault) {}
