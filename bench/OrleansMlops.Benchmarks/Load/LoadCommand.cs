using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the end-to-end load harness. Four configurations of workload A, one after another in this process,
/// each in a fresh silo over a fresh temporary directory (deleted afterwards), then workload B and workload C on the
/// production wiring. Progress goes to stderr; each configuration's table goes to stdout as soon as it is measured, and
/// a configuration that fails is reported with its reason while the others still run. Exit code 1 when any failed.
/// </summary>
internal static class LoadCommand
{
    public const string Name = "load";

    private const string SqliteLabel = "engine / SQLite FULL";

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var started = Stopwatch.GetTimestamp();
        void Progress(string message) => Console.Error.WriteLine($"[{Stopwatch.GetElapsedTime(started):hh\\:mm\\:ss}] {message}");

        var report = new LoadReport(Console.Out);
        var failed = 0;

        // Runs one configuration; its failure is reported (table and stderr) and counted, and the harness goes on.
        async Task<T?> Attempt<T>(string label, Func<Task<T>> measure, Action<T> write)
            where T : class
        {
            try
            {
                var result = await measure();
                write(result);
                return result;
            }
            catch (Exception e)
            {
                failed++;
                await Console.Error.WriteLineAsync($"LOAD HARNESS: {label} FAILED: {e}");
                report.WriteFailure(label, e);
                return null;
            }
        }

        report.WriteHeader(MachineInfo.Current(), options);
        if (options.RunsWorkload('A'))
        {
            var sqlite = await Attempt(SqliteLabel, () => MeasureEngineAsync(EngineStorage.SqliteFull, SqliteLabel, options, Progress), report.WriteEngine);
            const string memoryLabel = "engine / Memory";
            var memory = await Attempt(memoryLabel, () => MeasureEngineAsync(EngineStorage.Memory, memoryLabel, options, Progress), report.WriteEngine);

            // The baseline writes each grain as often as a run commits, which one of the engine configurations measured.
            var writesPerGrain = new[] { sqlite, memory }.FirstOrDefault(m => m is not null)?.Result.Peak.TransitionsPerRun;
            var baseline = await Attempt(
                "raw baseline",
                () => writesPerGrain is { } writes
                    ? MeasureBaselineAsync(options, writes, Progress)
                    : throw new LoadHarnessException("No engine configuration completed, so the writes per run to copy are unknown."),
                b => report.WriteBaseline(b, writesPerGrain!.Value));
            report.WriteComparison(sqlite, memory, baseline);
        }

        if (options.RunsWorkload('B') && options.Waiting > 0)
        {
            await Attempt("Workload B: runs waiting for a sign-off", () => MeasureWaitingAsync(options, Progress), report.WriteWaiting);
        }

        if (options.RunsWorkload('C'))
        {
            await Attempt<Measured<int>>("Workload C: one run of N transitions", () => MeasureLengthsAsync(options, report, Progress), _ => { });
        }

        report.WriteEnd(Stopwatch.GetElapsedTime(started), failed);
        return failed == 0 ? 0 : 1;
    }

    private static async Task<Measured<ThroughputResult>> MeasureEngineAsync(
        EngineStorage storage, string label, LoadOptions options, Action<string> progress)
    {
        var started = Stopwatch.GetTimestamp();
        var load = MachineLoad.OneMinute();
        using var directory = new ScratchDirectory(storage.ToString().ToLowerInvariant());
        var log = new WarningLog();
        progress($"{label}: starting a silo in {directory.Path}");
        await using var engine = await EngineHost.StartAsync(storage, directory, log);
        var model = await ApprovedModelVersion.RegisterAsync(engine.Grains);
        var result = await new ThroughputWorkload(engine.Grains, model, label).RunAsync(options, progress);
        var footprint = await StorageFootprint.ReadAsync(engine.DatabasePath);
        return Finish(label, engine.Storage, result, engine.DatabasePath, footprint, log, load, started);
    }

    private static async Task<Measured<BaselineResult>> MeasureBaselineAsync(LoadOptions options, int writesPerGrain, Action<string> progress)
    {
        var started = Stopwatch.GetTimestamp();
        var load = MachineLoad.OneMinute();
        using var directory = new ScratchDirectory("baseline");
        var log = new WarningLog();
        progress($"raw baseline: {options.Runs} grains x {writesPerGrain} writes, closed loop at concurrency {options.Concurrency}");
        await using var baseline = await BaselineHost.StartAsync(directory, log);
        var result = await new BaselineWorkload(baseline.Grains).RunAsync(options.Runs, writesPerGrain, options.Concurrency, options.WarmupRuns);
        return Finish("raw baseline", "Orleans ADO.NET grain storage on SQLite", result, baseline.DatabasePath, null, log, load, started);
    }

    private static async Task<Measured<WaitingResult>> MeasureWaitingAsync(LoadOptions options, Action<string> progress)
    {
        var started = Stopwatch.GetTimestamp();
        var load = MachineLoad.OneMinute();
        using var directory = new ScratchDirectory("waiting");
        var log = new WarningLog();
        await using var engine = await EngineHost.StartAsync(EngineStorage.SqliteFull, directory, log);
        var result = await new WaitingWorkload(engine).RunAsync(options.Waiting, options.Concurrency, progress);
        return Finish(SqliteLabel, engine.Storage, result, engine.DatabasePath, null, log, load, started);
    }

    /// <summary>Workload C in one silo: a warm-up, then each length, its row printed once measured; a failed length is a row too.</summary>
    private static async Task<Measured<int>> MeasureLengthsAsync(LoadOptions options, LoadReport report, Action<string> progress)
    {
        var started = Stopwatch.GetTimestamp();
        var load = MachineLoad.OneMinute();
        using var directory = new ScratchDirectory("lengths");
        var log = new WarningLog();
        await using var engine = await EngineHost.StartAsync(EngineStorage.SqliteFull, directory, log, LengthWorkload.CallTimeout);
        var workload = new LengthWorkload(engine);
        var shortest = options.Lengths.Min();
        progress($"lengths: warm-up, runs of {shortest} transitions, about {options.LengthTransitions} in all (not counted)");
        await workload.WarmUpAsync(shortest, options.LengthTransitions);

        var table = new LengthReport(report);
        table.Begin(options, engine.Storage);
        var measured = 0;
        foreach (var length in options.Lengths)
        {
            progress($"lengths: runs of {length} transitions, about {options.LengthTransitions} in all, one run at a time");
            try
            {
                table.Write(await workload.MeasureAsync(length, options.LengthTransitions));
                measured++;
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"LOAD HARNESS: workload C at N = {length} FAILED: {e}");
                table.WriteFailure(length, e);
            }
        }

        var result = Finish(SqliteLabel, engine.Storage, measured, engine.DatabasePath, null, log, load, started);
        table.End(result);
        return measured == options.Lengths.Length
            ? result
            : throw new LoadHarnessException($"{options.Lengths.Length - measured} of workload C's {options.Lengths.Length} lengths failed (rows above).");
    }

    /// <summary>Takes the end-of-configuration figures while the silo still runs.</summary>
    private static Measured<T> Finish<T>(
        string label, string storage, T result, string databasePath, StorageFootprint? footprint, WarningLog log, string loadBefore, long started) =>
        new(
            label,
            storage,
            result,
            DatabaseFiles.Of(databasePath),
            footprint,
            ProcessMemory.Capture(),
            ThreadPool.ThreadCount,
            log,
            loadBefore,
            MachineLoad.OneMinute(),
            Stopwatch.GetElapsedTime(started));
}
