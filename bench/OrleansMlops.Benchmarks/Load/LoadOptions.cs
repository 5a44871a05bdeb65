using System.Globalization;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The sizes of one harness run, from <c>--runs</c>, <c>--concurrency</c>, <c>--half-load-runs</c>, <c>--warmup-runs</c>
/// and <c>--waiting</c>.
/// </summary>
internal sealed record LoadOptions(int Runs, int Concurrency, int HalfLoadRuns, int WarmupRuns, int Waiting)
{
    public const int DefaultRuns = 2_000;

    // The runtime recompiles hot methods with full optimisation only after thousands of calls; fewer warm-up runs measure
    // the JIT at work rather than the engine a long-running silo has.
    public const int DefaultWarmupRuns = 3_000;
    public const int DefaultConcurrency = 200;
    public const int DefaultWaiting = 100_000;

    public const string Usage =
        "load [--runs N (default 2000)] [--concurrency C (default 200)] [--half-load-runs N (default runs/2)] [--warmup-runs N (default 3000)] [--waiting N (default 100000; 0 skips workload B)]";

    /// <summary>Reads the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--runs" or "--concurrency" or "--half-load-runs" or "--warmup-runs" or "--waiting"))
            {
                throw new ArgumentException($"Unknown option '{name}'. Usage: {Usage}");
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"Option {name} needs a whole number. Usage: {Usage}");
            }

            values[name] = value;
            i++;
        }

        var runs = values.GetValueOrDefault("--runs", DefaultRuns);
        var options = new LoadOptions(
            runs,
            values.GetValueOrDefault("--concurrency", DefaultConcurrency),
            values.GetValueOrDefault("--half-load-runs", Math.Max(1, runs / 2)),
            values.GetValueOrDefault("--warmup-runs", DefaultWarmupRuns),
            values.GetValueOrDefault("--waiting", DefaultWaiting));
        if (options.Runs < 1 || options.Concurrency < 1 || options.HalfLoadRuns < 1)
        {
            throw new ArgumentException($"--runs, --concurrency and --half-load-runs must be at least 1. Usage: {Usage}");
        }

        return options;
    }
}
