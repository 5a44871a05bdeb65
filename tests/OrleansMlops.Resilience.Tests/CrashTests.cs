using System.Globalization;
using Xunit.Abstractions;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// kill -9 of the host at random moments while concurrent releases run, restarted each time: afterwards every release
/// finished exactly once. CI runs a few kills; the long mode is
/// <c>MLOPS_CRASH_KILLS=100 MLOPS_CRASH_RUNS=40 dotnet test tests/OrleansMlops.Resilience.Tests --filter CrashTests</c>.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private static readonly int Runs = Setting("MLOPS_CRASH_RUNS", 8);
    private static readonly int Kills = Setting("MLOPS_CRASH_KILLS", 4);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Killing_the_host_at_random_moments_loses_and_repeats_nothing(string database)
    {
        using var deployment = await EngineDeployment.For(database);
        var seed = Setting("MLOPS_CRASH_SEED", Environment.TickCount);
        var random = new Random(seed);
        var driver = new ReleaseDriver([.. Enumerable.Range(1, Runs).Select(i => $"crash-{database.ToLowerInvariant()}-{i}")]);
        var survived = 0;

        for (var kill = 0; kill < Kills && !driver.AllCompleted; kill++)
        {
            await using var host = await deployment.StartHostAsync("node-a");
            var killAt = DateTime.UtcNow + TimeSpan.FromMilliseconds(random.Next(200, 1_500));
            while (DateTime.UtcNow < killAt && !driver.AllCompleted)
            {
                await driver.StepAsync(host).WaitAsync(killAt - DateTime.UtcNow > TimeSpan.Zero ? killAt - DateTime.UtcNow : TimeSpan.Zero)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await host.KillAsync();
            survived++;
        }

        await using var last = await deployment.StartHostAsync("node-a");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!driver.AllCompleted && DateTime.UtcNow < deadline)
        {
            await driver.StepAsync(last);
        }

        using var auditor = last.Client("audrey");
        var (problems, transitions) = await ReleaseLedger.CheckAsync(auditor, driver.RunIds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database}: seed {seed}, kills survived {survived}, runs {driver.RunIds.Count}, transitions {transitions}, problems {problems.Count}"));
        Assert.True(problems.Count == 0, $"seed {seed}:\n{string.Join("\n", problems)}\nlast seen: {string.Join(", ", driver.LastSeen)}\n{last.Output}");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
