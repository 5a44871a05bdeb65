namespace OrleansMlops.Stages.Data;

/// <summary>
/// Functions computed with additions, multiplications and exact scaling only. <see cref="Math.Exp"/> delegates to the
/// platform's C library, whose last bit may differ between operating systems; the data generator must not.
/// </summary>
public static class PortableMath
{
    private const double Ln2 = 0.6931471805599453;

    // ln 2 split as in fdlibm: Ln2High has trailing zero bits, so k·Ln2High is exact and the reduction keeps full precision.
    private const double Ln2High = 6.93147180369123816490e-01;

    private const double Ln2Low = 1.90821492927058770002e-10;

    /// <summary>e^x: x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite), then a degree-16 Taylor series for e^r (error far below 1e-15).</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > 709.0)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.0)
        {
            return 0.0;
        }

        var k = Math.Round(x / Ln2, MidpointRounding.ToEven);
        var r = (x - (k * Ln2High)) - (k * Ln2Low);
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 16; n++)
        {
            term = term * r / n;
            sum += term;
        }

        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>The logistic function 1 / (1 + e^-x).</summary>
    public static double Sigmoid(double x) => 1.0 / (1.0 + Exp(-x));
}
