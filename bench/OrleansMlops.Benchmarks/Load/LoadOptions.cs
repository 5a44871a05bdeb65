using System.Collections.Immutable;
using System.Globalization;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The sizes of one harness run, from <c>--runs</c>, <c>--concurrency</c>, <c>--half-load-runs</c>, <c>--warmup-runs</c>,
/// <c>--waiting</c>, which workloads run (<c>--workloads</c>) and workload C's lengths (<c>--lengths</c>,
/// <c>--length-transitions</c>, <c>--short</c>).
/// </summary>
internal sealed record LoadOptions(
    int Runs, int Concurrency, int HalfLoadRuns, int WarmupRuns, int Waiting, string Workloads, ImmutableArray<int> Lengths, int LengthTransitions)
{
    public const int DefaultRuns = 2_000;

    // The runtime recompiles hot methods with full optimisation only after thousands of calls; fewer warm-up runs measure
    // the JIT at work rather than the engine a long-running silo has.
    public const int DefaultWarmupRuns = 3_000;
    public const int DefaultConcurrency = 200;
    public const int DefaultWaiting = 100_000;
    public const string DefaultWorkloads = "ABC";
    public const int DefaultLengthTransitions = 10_000;

    /// <summary>Workload C's quick check: a run of 10,000 transitions rewrites a state of megabytes at each commit.</summary>
    public const int ShortLengthTransitions = 2_000;

    public static readonly ImmutableArray<int> DefaultLengths = [10, 100, 1_000, 10_000];
    public static readonly ImmutableArray<int> ShortLengths = [10, 100, 1_000];

    public const string Usage =
        "load [--workloads ABC (default; any of A, B, C)] [--runs N (default 2000)] [--concurrency C (default 200)] [--half-load-runs N (default runs/2)] "
        + "[--warmup-runs N (default 3000)] [--waiting N (default 100000; 0 skips workload B)] [--lengths 10,100,1000,10000 (workload C; even numbers)] "
        + "[--length-transitions N (default 10000: transitions measured at each length)] [--short (workload C: lengths 10,100,1000, 2000 transitions each)]";

    private static readonly string[] NumberOptions = ["--runs", "--concurrency", "--half-load-runs", "--warmup-runs", "--waiting", "--length-transitions"];

    public bool RunsWorkload(char workload) => Workloads.Contains(workload, StringComparison.Ordinal);

    /// <summary>Reads the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var isShort = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--short")
            {
                isShort = true;
                continue;
            }

            if (!NumberOptions.Contains(name) && name is not ("--workloads" or "--lengths"))
            {
                throw new ArgumentException($"Unknown option '{name}'. Usage: {Usage}");
            }

            values[name] = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"Option {name} needs a value. Usage: {Usage}");
            i++;
        }

        var runs = Number(values, "--runs", DefaultRuns);
        var options = new LoadOptions(
            runs,
            Number(values, "--concurrency", DefaultConcurrency),
            Number(values, "--half-load-runs", Math.Max(1, runs / 2)),
            Number(values, "--warmup-runs", DefaultWarmupRuns),
            Number(values, "--waiting", DefaultWaiting),
            ParseWorkloads(values.GetValueOrDefault("--workloads", DefaultWorkloads)),
            values.TryGetValue("--lengths", out var lengths) ? ParseLengths(lengths) : isShort ? ShortLengths : DefaultLengths,
            Number(values, "--length-transitions", isShort ? ShortLengthTransitions : DefaultLengthTransitions));
        if (options.Runs < 1 || options.Concurrency < 1 || options.HalfLoadRuns < 1 || options.LengthTransitions < 1)
        {
            throw new ArgumentException($"--runs, --concurrency, --half-load-runs and --length-transitions must be at least 1. Usage: {Usage}");
        }

        return options;
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"Option {name} needs a whole number. Usage: {Usage}");

    private static string ParseWorkloads(string text)
    {
        var workloads = text.ToUpperInvariant();
        return workloads.Length > 0 && workloads.All(w => w is 'A' or 'B' or 'C')
            ? workloads
            : throw new ArgumentException($"--workloads takes letters among A, B and C, not '{text}'. Usage: {Usage}");
    }

    // A round of bench-loop.bpmn commits two transitions (its gate and its stage), so a length is an even number.
    private static ImmutableArray<int> ParseLengths(string text)
    {
        var lengths = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.TryParse(l, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToImmutableArray();
        return lengths.Length > 0 && lengths.All(n => n >= 2 && n % 2 == 0)
            ? lengths
            : throw new ArgumentException($"--lengths takes even numbers of at least 2, separated by commas, not '{text}'. Usage: {Usage}");
    }
}
