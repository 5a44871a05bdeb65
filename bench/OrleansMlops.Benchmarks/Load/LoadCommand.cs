using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the end-to-end load harness. Four configurations of workload A, one after another in this process,
/// each in a fresh silo over a fresh temporary directory (deleted afterwards), then workload B on the production
/// wiring; progress goes to stderr, the table to stdout. Exit code 1 when a run did not end as its workload requires.
/// </summary>
internal static class LoadCommand
{
    public const string Name = "load";

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

        try
        {
            var sqlite = await MeasureEngineAsync(EngineStorage.SqliteFull, "engine / SQLite FULL", options, Progress);
            var perWrite = await MeasureEngineAsync(EngineStorage.SqliteFullPerWrite, "engine / SQLite FULL, group commit off", options, Progress);
            var memory = await MeasureEngineAsync(EngineStorage.Memory, "engine / Memory", options, Progress);
            var baseline = await MeasureBaselineAsync(options, sqlite.Result.Peak.TransitionsPerRun, Progress);
            var waiting = options.Waiting > 0 ? await MeasureWaitingAsync(options, Progress) : null;
            new LoadReport(Console.Out).Write(MachineInfo.Current(), options, sqlite, perWrite, memory, baseline, waiting, Stopwatch.GetElapsedTime(started));
            return 0;
        }
        catch (LoadHarnessException e)
        {
            await Console.Error.WriteLineAsync($"LOAD HARNESS FAILED: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"LOAD HARNESS FAILED with an unexpected error: {e}");
            return 1;
        }
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
        return Finish("engine / SQLite FULL", engine.Storage, result, engine.DatabasePath, null, log, load, started);
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
