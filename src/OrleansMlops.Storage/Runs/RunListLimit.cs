namespace OrleansMlops.Storage.Runs;

/// <summary>Bounds on how many runs one listing returns, whatever the caller asks for.</summary>
public static class RunListLimit
{
    public const int Min = 1;
    public const int Max = 1000;

    public static int Clamp(int requested) => Math.Clamp(requested, Min, Max);
}
