package classlab.core.data;

/** CIFAR-10 as read from its binary release: the 50,000 training images (five batches) and the 10,000 test images. */
public record CifarData(ImageData train, ImageData test) {
}
