using BenchmarkDotNet.Running;

namespace OrleansMlops.Benchmarks;

/// <summary>
/// Entry point. From the repository root:
/// <c>dotnet run -c Release --project bench/OrleansMlops.Benchmarks -- --filter '*' --job short --artifacts artifacts/benchmarks</c>
/// (<c>artifacts/</c> is ignored by git).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
