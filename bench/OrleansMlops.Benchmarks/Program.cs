using BenchmarkDotNet.Running;
using OrleansMlops.Benchmarks.Load;

namespace OrleansMlops.Benchmarks;

/// <summary>
/// Entry point. From the repository root:
/// <list type="bullet">
/// <item><c>dotnet run -c Release --project bench/OrleansMlops.Benchmarks -- load [--workloads ABC] [--runs N] [--concurrency C] [--waiting N] [--lengths 10,100] [--short]</c>:
/// the end-to-end load harness (see bench/README.md and <see cref="LoadCommand"/>);</item>
/// <item>anything else goes to BenchmarkDotNet, e.g.
/// <c>dotnet run -c Release --project bench/OrleansMlops.Benchmarks -- --filter '*' --job short --artifacts artifacts/benchmarks</c>
/// (<c>artifacts/</c> is ignored by git).</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == LoadCommand.Name)
        {
            return await LoadCommand.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
