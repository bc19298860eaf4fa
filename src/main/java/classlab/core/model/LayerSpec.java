package classlab.core.model;

import java.util.List;

/**
 * One layer of a network written as data, in the order of a PyTorch {@code nn.Sequential}
 * (notebook 002: {@code Conv2d → ReLU → MaxPool2d → … → AdaptiveAvgPool2d → Flatten → Dropout → Linear}).
 * {@link NetBuilder} maps each one to exactly one DL4J layer, so layer {@code i} of a spec is layer
 * {@code i} of the built network (the first convolution is layer 0, as {@code features[0]} in the notebook).
 * Flatten is implicit: a {@link Linear} after image-shaped layers flattens them (DL4J adds the
 * preprocessor).
 */
public sealed interface LayerSpec {

    /** Activations after this layer for the given input shape; throws if the layer cannot take it. */
    Shape outputShape(Shape in);

    /** Trainable parameters as PyTorch counts them ({@code requires_grad} tensors) for the given input shape. */
    long parameterCount(Shape in);

    /**
     * An activation shape: an image {@code [channels, height, width]} (NCHW without N) or a flat vector
     * ({@code height == width == 0}, {@code channels} = features).
     */
    record Shape(int channels, int height, int width) {
        public static Shape image(int channels, int height, int width) { return new Shape(channels, height, width); }

        public static Shape flat(int features) { return new Shape(features, 0, 0); }

        public boolean isImage() { return height > 0; }

        /** Number of values per example. */
        public int size() { return isImage() ? channels * height * width : channels; }

        Shape requireImage(String layer) {
            if (!isImage()) throw new IllegalArgumentException(layer + " needs an image input [C, H, W], got a flat vector of " + channels);
            return this;
        }
    }

    /**
     * {@code nn.Conv2d(in, out, kernelSize, padding=kernelSize/2)}, stride 1: "same" padding for odd kernels
     * (DL4J {@code ConvolutionMode.Same}), identity activation (ReLU is its own layer).
     *
     * @param outChannels filters, &gt; 0
     * @param kernelSize  odd kernel side in pixels (3 in the notebook)
     */
    record Conv2d(int outChannels, int kernelSize) implements LayerSpec {
        public Conv2d {
            if (outChannels <= 0) throw new IllegalArgumentException("Conv2d needs at least one output channel, got " + outChannels);
            if (kernelSize <= 0 || kernelSize % 2 == 0) throw new IllegalArgumentException("Conv2d kernel size must be odd and positive (same padding), got " + kernelSize);
        }

        @Override public Shape outputShape(Shape in) {
            in.requireImage("Conv2d");
            return Shape.image(outChannels, in.height(), in.width());
        }

        @Override public long parameterCount(Shape in) {
            return (long) in.requireImage("Conv2d").channels() * outChannels * kernelSize * kernelSize + outChannels;
        }
    }

    /** {@code nn.MaxPool2d(kernelSize)}: stride = kernel, no padding (floor of the size). */
    record MaxPool2d(int kernelSize) implements LayerSpec {
        public MaxPool2d {
            if (kernelSize <= 0) throw new IllegalArgumentException("MaxPool2d kernel size must be positive, got " + kernelSize);
        }

        @Override public Shape outputShape(Shape in) {
            in.requireImage("MaxPool2d");
            if (in.height() < kernelSize || in.width() < kernelSize) {
                throw new IllegalArgumentException("MaxPool2d(" + kernelSize + ") on a " + in.height() + "x" + in.width()
                        + " map leaves nothing; use fewer pooling layers");
            }
            return Shape.image(in.channels(), in.height() / kernelSize, in.width() / kernelSize);
        }

        @Override public long parameterCount(Shape in) { return 0; }
    }

    /** {@code nn.AdaptiveAvgPool2d((1, 1))} + {@code Flatten}: the mean of each channel (DL4J GlobalPooling AVG). */
    record GlobalAvgPool() implements LayerSpec {
        @Override public Shape outputShape(Shape in) { return Shape.flat(in.requireImage("AdaptiveAvgPool2d").channels()); }

        @Override public long parameterCount(Shape in) { return 0; }
    }

    /** {@code nn.BatchNorm2d(C)} after an image layer or {@code nn.BatchNorm1d(F)} after a flat one: gamma and beta. */
    record BatchNorm() implements LayerSpec {
        @Override public Shape outputShape(Shape in) { return in; }

        @Override public long parameterCount(Shape in) { return 2L * in.channels(); }
    }

    /** {@code nn.ReLU()}. */
    record ReLU() implements LayerSpec {
        @Override public Shape outputShape(Shape in) { return in; }

        @Override public long parameterCount(Shape in) { return 0; }
    }

    /** {@code nn.Dropout(p)}: {@code p} is the probability to DROP, in [0, 1). */
    record Dropout(double p) implements LayerSpec {
        public Dropout {
            if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("dropout p must be in [0, 1), got " + p);
        }

        @Override public Shape outputShape(Shape in) { return in; }

        @Override public long parameterCount(Shape in) { return 0; }
    }

    /** {@code nn.Linear(in, outFeatures)} (after an implicit Flatten when its input is an image). */
    record Linear(int outFeatures) implements LayerSpec {
        public Linear {
            if (outFeatures <= 0) throw new IllegalArgumentException("Linear needs at least one output, got " + outFeatures);
        }

        @Override public Shape outputShape(Shape in) { return Shape.flat(outFeatures); }

        @Override public long parameterCount(Shape in) { return (long) in.size() * outFeatures + outFeatures; }
    }

    /** The shapes after each layer (entry {@code i} is the output of layer {@code i}); throws on the first misfit. */
    static List<Shape> shapes(Shape input, List<LayerSpec> layers) {
        Shape s = input;
        java.util.ArrayList<Shape> out = new java.util.ArrayList<>();
        for (LayerSpec l : layers) {
            s = l.outputShape(s);
            out.add(s);
        }
        return out;
    }
}
