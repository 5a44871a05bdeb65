using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// Two silos in separate processes share the runs over PostgreSQL; kill -9 one while releases are under way and the
/// survivor reactivates its runs and finishes them, exactly once.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    /// <summary>Orleans' SiloStatus.Dead, as the membership table stores it.</summary>
    private const int DeadStatus = 6;

    private const int InFlight = 16;

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

    /// <summary>
    /// The kill falls while releases train: their training ends within a few hundred milliseconds of each other, and
    /// the node that dies is the one whose model registry just allocated the first version, so the other releases'
    /// train stages call the registry (allocating their version, registering it) on a silo that is dead but not yet
    /// declared so. Releases of both nodes, those reactivated from their state and those whose calls failed, all complete on the
    /// survivor, exactly once, within 10 s of the survivor declaring the other silo dead.
    /// </summary>
    [Fact]
    public async Task Releases_in_flight_while_training_finish_on_the_survivor_within_10_s_of_the_death_being_declared()
    {
        using var deployment = await EngineDeployment.PostgreSqlAsync();
        deployment.Settings["Serilog:MinimumLevel:Override:OrleansMlops.Grains.Models"] = "Information";
        await using var nodeA = await deployment.StartHostAsync("node-a");
        await using var nodeB = await deployment.StartHostAsync("node-b");
        var runIds = Enumerable.Range(1, InFlight).Select(i => $"in-flight-{i}").ToList();
        var driver = new ReleaseDriver(runIds);

        var starting = driver.StepAsync(id => runIds.IndexOf(id) % 2 == 0 ? nodeA : nodeB);
        var doomed = await Testing.Eventually.Until(
            () => Task.FromResult(new[] { nodeA, nodeB }.FirstOrDefault(n => n.Output.Contains("Model credit-risk allocated version", StringComparison.Ordinal))),
            node => node is not null,
            TimeSpan.FromMinutes(2),
            "the first release to be allocated its model version");
        await doomed!.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var killed = Stopwatch.StartNew();
        var survivor = doomed == nodeA ? nodeB : nodeA;
        var declared = DeclaredDeadAsync(deployment.ConnectionString!, doomed.Node.Silo, killed);
        await starting;

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!driver.AllCompleted && DateTime.UtcNow < deadline)
        {
            await driver.StepAsync(survivor);
        }

        var finished = killed.Elapsed;
        var death = await declared;
        using var auditor = survivor.Client("audrey");
        var (problems, transitions) = await ReleaseLedger.CheckAsync(auditor, driver.RunIds);
        var trainedAfterKill = 0;
        foreach (var id in runIds)
        {
            trainedAfterKill += (await HistoryAsync(auditor, id)).Where(e => e.Kind == "stage.completed").Take(1).Any(e => e.At > killedAt) ? 1 : 0;
        }

        var log = survivor.Output.Split('\n');
        var retries = log.Select((line, i) => (line, next: i + 1 < log.Length ? log[i + 1] : ""))
            .Where(l => l.line.Contains("could not apply", StringComparison.Ordinal) || l.line.Contains("stopped on an error", StringComparison.Ordinal))
            .ToList();
        foreach (var (line, next) in retries)
        {
            output.WriteLine($"{line.Trim()} | {next.Trim()}");
        }

        var effectRetries = retries.Count(l => l.line.Contains("could not apply", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover in flight: runs {driver.RunIds.Count} ({trainedAfterKill} finished training after the kill of {doomed.Name}), "
            + $"death declared {death.TotalSeconds:F1} s after the kill, all finished {(finished - death).TotalSeconds:F1} s after it, "
            + $"transitions {transitions}, model effects retried {effectRetries}, drives retried {retries.Count - effectRetries}, problems {problems.Count}"));
        Assert.True(problems.Count == 0, $"{string.Join("\n", problems)}\nlast seen: {string.Join(", ", driver.LastSeen)}\n{survivor.Output}");
        Assert.True(finished - death <= TimeSpan.FromSeconds(10), $"the last release finished {(finished - death).TotalSeconds:F1} s after the death was declared\n{survivor.Output}");
    }

    /// <summary>The kinds of the run's history entries and when they were committed; empty while the run cannot be read.</summary>
    private static async Task<List<(string Kind, DateTimeOffset At)>> HistoryAsync(HttpClient http, string runId)
    {
        var response = await http.GetAsync($"/api/runs/{runId}");
        return response.IsSuccessStatusCode
            ? [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("history").EnumerateArray()
                .Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("at").GetDateTimeOffset()))]
            : [];
    }

    /// <summary>When the row of the silo on <paramref name="siloPort"/> turns Dead in the membership table: the survivor's declaration.</summary>
    private static async Task<TimeSpan> DeclaredDeadAsync(string connectionString, int siloPort, Stopwatch since)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        var deadline = since.Elapsed + TimeSpan.FromMinutes(1);
        while (since.Elapsed < deadline)
        {
            await using var command = database.CreateCommand("SELECT count(*) FROM OrleansMembershipTable WHERE Port = $1 AND Status = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
            command.Parameters.Add(new NpgsqlParameter { Value = DeadStatus });
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return since.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The silo on port {siloPort} was not declared dead within a minute of the kill.");
    }
}
