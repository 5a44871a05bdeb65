using Microsoft.Data.Sqlite;
using OrleansMlops.Host.Tests;
using OrleansMlops.Testing;

namespace OrleansMlops.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class AuditCommandsTests(EngineHostFactory factory) : IDisposable
{
    private readonly Cli _cli = new(factory);
    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task The_audit_trail_of_a_real_run_verifies_with_exit_0()
    {
        var runId = await _cli.StartCreditRun();

        var json = await _cli.As("audrey", "audit", "verify", runId, "--json");
        var human = await _cli.As("audrey", "audit", "verify", runId);

        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.True(json.Json()["valid"]!.GetValue<bool>());
        Assert.Equal(runId, json.Json()["runId"]!.GetValue<string>());
        Assert.Contains($"The audit trail of {runId} verifies", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_trail_does_not_verify_exit_1_and_an_unknown_run_is_exit_3()
    {
        var runId = await _cli.StartCreditRun();
        await Tamper(runId);

        var tampered = await _cli.As("audrey", "audit", "verify", runId);
        var unknown = await _cli.As("audrey", "audit", "verify", "run-nobody-started");

        Assert.Equal(ExitCodes.NegativeOutcome, tampered.ExitCode);
        Assert.Contains("does NOT verify", tampered.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }

    [Fact]
    public async Task Export_writes_one_record_per_line_and_json_gives_the_hosts_array()
    {
        var runId = await _cli.StartCreditRun();
        var file = _directory.File("audit.jsonl");
        var count = (await _cli.As("audrey", "audit", "verify", runId, "--json")).Json()["recordCount"]!.GetValue<int>();

        var toFile = await _cli.As("audrey", "audit", "export", runId, "--output", file);
        var asJson = await _cli.As("audrey", "audit", "export", runId, "--json");

        Assert.Equal(ExitCodes.Success, toFile.ExitCode);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(count, lines.Length);
        Assert.All(lines, line => Assert.Contains($"\"runId\":\"{runId}\"", line, StringComparison.Ordinal));
        Assert.Equal(count, asJson.Json().AsArray().Count);
        Assert.Equal(1, asJson.Json()[0]!["sequence"]!.GetValue<int>());
    }

    [Fact]
    public async Task Exporting_without_the_right_to_read_audit_trails_is_exit_4()
    {
        var runId = await _cli.StartCreditRun();

        var refused = await _cli.As("alice", "audit", "export", runId);

        Assert.Equal(ExitCodes.NotAllowed, refused.ExitCode);
        Assert.Equal(string.Empty, refused.Out);
    }

    /// <summary>Changes a stored record behind the engine's back, as someone with database access could: the triggers that forbid it go first.</summary>
    private async Task Tamper(string runId)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TRIGGER IF EXISTS audit_records_no_update;
            UPDATE audit_records SET actor = 'mallory' WHERE run_id = $run AND seq = 1;
            """;
        command.Parameters.AddWithValue("$run", runId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public void Dispose() => _directory.Dispose();
}
