using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// Two silos in separate processes share the runs over PostgreSQL; kill -9 one while releases are under way and the
/// survivor reactivates its runs and finishes them, exactly once.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Runs_of_a_killed_silo_reactivate_on_the_survivor_and_finish_exactly_once()
    {
        using var deployment = await EngineDeployment.PostgreSqlAsync();
        await using var doomed = await deployment.StartHostAsync("node-a");
        await using var survivor = await deployment.StartHostAsync("node-b");
        var driver = new ReleaseDriver([.. Enumerable.Range(1, 6).Select(i => $"failover-{i}")]);

        // Releases start through the node about to die, so their activations live there, and are mid-way when it dies.
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(2) && !driver.AllCompleted)
        {
            await driver.StepAsync(doomed);
        }

        var unfinishedAtKill = driver.RunIds.Count - driver.CompletedCount;
        await doomed.KillAsync();
        Assert.True(unfinishedAtKill > 0, "every release finished before the kill; the test proves nothing");
        var killed = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!driver.AllCompleted && DateTime.UtcNow < deadline)
        {
            await driver.StepAsync(survivor);
        }

        using var auditor = survivor.Client("audrey");
        var (problems, transitions) = await ReleaseLedger.CheckAsync(auditor, driver.RunIds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover: runs {driver.RunIds.Count} ({unfinishedAtKill} unfinished at the kill), transitions {transitions}, all finished {killed.Elapsed.TotalSeconds:F1} s after the kill, problems {problems.Count}"));
        Assert.True(problems.Count == 0, $"{string.Join("\n", problems)}\nlast seen: {string.Join(", ", driver.LastSeen)}\n{survivor.Output}");
    }
}
