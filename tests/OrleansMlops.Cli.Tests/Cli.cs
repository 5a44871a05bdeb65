using OrleansMlops.Host.Tests;

namespace OrleansMlops.Cli.Tests;

/// <summary>
/// Runs <c>orleans-mlops</c> in-process against the test host: the HTTP client goes to the host's TestServer, the
/// caller's token comes from MLOPS_TOKEN as a user would set it, stdout and stderr are captured.
/// </summary>
public sealed class Cli(EngineHostFactory factory)
{
    public Task<CliResult> As(string? principal, params string[] args) => Run(principal is null ? null : TestTokens.For(principal), TimeProvider.System, args);

    public async Task<CliResult> Run(string? token, TimeProvider time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new Dictionary<string, string?> { [CliHost.TokenVariable] = token };
        var host = new CliHost(stdout, stderr, time, baseAddress => factory.CreateDefaultClient(baseAddress), name => environment.GetValueOrDefault(name));
        var exitCode = await CliApp.RunAsync(args, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A credit release as alice would start it: what it is for and the thresholds fixed before anything is measured.</summary>
    public static readonly string[] CreditParameters =
    [
        "--param", "purpose=creditworthiness assessment of retail loan applicants",
        "--param", "riskClass=high",
        "--param", "owner=head-of-retail-credit",
        "--param", "tier=1",
        "--param", "threshold.auc.min:=0.70",
        "--param", "threshold.disparity.max:=0.10",
    ];

    /// <summary>Starts a credit-risk run (as alice unless said otherwise); returns its id, the run waiting for the validation review.</summary>
    public async Task<string> StartCreditRun(string submitter = "alice")
    {
        var started = await As(submitter, ["runs", "start", "credit-risk", .. CreditParameters, "--json"]);
        Assert.True(started.ExitCode == ExitCodes.Success, started.ToString());
        return started.Json()["runId"]!.GetValue<string>();
    }

    /// <summary>A whole release through the CLI: alice starts, vera signs the validation off, bob approves; returns the model version.</summary>
    public async Task<(string RunId, int Version)> ReleaseCreditModel()
    {
        var runId = await StartCreditRun();
        var validated = await As("vera", "tasks", "approve", runId, "UserTask_ValidationReview", "--comment", "reproduced");
        Assert.True(validated.ExitCode == ExitCodes.Success, validated.ToString());
        var approved = await As("bob", "tasks", "approve", runId, "UserTask_ApproveModel", "--comment", "reviewed", "--json");
        Assert.True(approved.ExitCode == ExitCodes.Success, approved.ToString());
        Assert.Equal("completed", approved.Json()["status"]!.GetValue<string>());
        return (runId, approved.Json()["model"]!["version"]!.GetValue<int>());
    }
}
