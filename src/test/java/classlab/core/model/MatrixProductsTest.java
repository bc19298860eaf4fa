package classlab.core.model;

import classlab.testsupport.Close;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link MatrixProducts}' direct BLAS path gives ND4J's products for every memory layout it accepts. */
class MatrixProductsTest {

    @Test
    void smallProductsEqualNd4jsInEveryLayout() {
        Nd4j.getRandom().setSeed(3);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tol = type == DataType.DOUBLE ? 1e-12 : 1e-5;
            for (char oa : new char[] {'c', 'f'}) {
                for (char ob : new char[] {'c', 'f'}) {
                    for (char oc : new char[] {'c', 'f'}) {
                        for (boolean ta : new boolean[] {false, true}) {
                            for (boolean tb : new boolean[] {false, true}) {
                                INDArray a = Nd4j.randn(type, ta ? new long[] {4, 7} : new long[] {7, 4}).dup(oa);
                                INDArray b = Nd4j.randn(type, tb ? new long[] {5, 4} : new long[] {4, 5}).dup(ob);
                                INDArray c = Nd4j.create(type, new long[] {7, 5}, oc).assign(99);
                                MatrixProducts.gemm(a, ta, b, tb, c);
                                INDArray expected = (ta ? a.transpose() : a).mmul(tb ? b.transpose() : b);
                                Close.assertClose(expected.toDoubleMatrix(), c.toDoubleMatrix(), tol,
                                        type + " " + oa + ob + oc + " ta=" + ta + " tb=" + tb);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void productsOfViewsWithOffsetsAndRowVectors() {
        Nd4j.getRandom().setSeed(4);
        INDArray big = Nd4j.randn(DataType.DOUBLE, 9, 8);
        INDArray a = big.get(NDArrayIndex.interval(2, 8), NDArrayIndex.interval(1, 4));   // [6, 3], offset, ld 8
        INDArray b = Nd4j.randn(DataType.DOUBLE, 3, 1);
        INDArray c = Nd4j.create(DataType.DOUBLE, 6, 1);
        MatrixProducts.gemm(a, false, b, false, c);
        Close.assertClose(a.dup().mmul(b).toDoubleMatrix(), c.toDoubleMatrix(), 1e-12, "column result from a view");
        INDArray m = big.get(NDArrayIndex.interval(0, 3), NDArrayIndex.interval(2, 5));   // [3, 3] view
        INDArray row = Nd4j.create(DataType.DOUBLE, 1, 3);
        MatrixProducts.gemm(b, true, m, false, row);
        Close.assertClose(b.transpose().mmul(m.dup()).toDoubleMatrix(), row.toDoubleMatrix(), 1e-12, "row result");
    }

    @Test
    void columnSumsEqualSumOverRows() {
        Nd4j.getRandom().setSeed(5);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (int n : new int[] {5, 3, 5}) {   // a longer kept row of ones serves a shorter batch
                INDArray x = Nd4j.randn(type, n, 4);
                INDArray flat = Nd4j.zeros(type, 1, 10);
                INDArray out = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(6, 10)).reshape(1, 4);
                MatrixProducts.columnSums(x, out);
                Close.assertClose(x.sum(0).toDoubleVector(), flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(6, 10)).toDoubleVector(),
                        type == DataType.DOUBLE ? 1e-12 : 1e-5, type + " n=" + n);
                Close.assertClose(new double[6], flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 6)).toDoubleVector(), 0,
                        "the rest of the flat array untouched");
                INDArray vector = Nd4j.zeros(type, 4);
                MatrixProducts.columnSums(x, vector);
                Close.assertClose(x.sum(0).toDoubleVector(), vector.toDoubleVector(), type == DataType.DOUBLE ? 1e-12 : 1e-5, "rank 1");
            }
        }
    }
}
