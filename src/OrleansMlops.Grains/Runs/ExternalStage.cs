using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// Stage tasks done by external workers: a task with <c>mlops:topic</c> becomes a job on that topic's queue instead of
/// running an in-process handler, in any language that speaks HTTP. What a worker reports becomes the stage result.
/// </summary>
internal static partial class ExternalStage
{
    public const string TopicProperty = "topic";

    public const int MaxVariables = 64;

    public const int MaxLogExcerpt = 4_000;

    public static string? TopicOf(StageTask task) =>
        task.Properties.GetValueOrDefault(TopicProperty)?.Trim() is { Length: > 0 } topic ? topic : null;

    public static bool IsValidTopic(string topic) => TopicPattern().IsMatch(topic);

    /// <summary>Stable for one attempt of one token of one run, so creating the job again finds the same one.</summary>
    public static string JobId(string runId, string tokenId, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}\n{tokenId}\n{attempt}"));
        return "job-" + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>Why a completion cannot be a stage result, or null when it can.</summary>
    public static string? Problem(JobCompletion completion)
    {
        if (completion.Variables.Count > MaxVariables)
        {
            return $"the worker reported {completion.Variables.Count} variables; at most {MaxVariables} are kept";
        }

        if (completion.Metrics.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: { } metric })
        {
            return $"metric '{metric}' is not a finite number";
        }

        if (completion.ArtifactSha256 is { } sha && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit)))
        {
            return $"artifact SHA-256 '{sha}' is not 64 hexadecimal digits";
        }

        return null;
    }

    /// <summary>
    /// The worker's variables, its metrics as number variables (so conditions and gates see them), the artifact
    /// (<c>artifact.uri</c>, <c>artifact.sha256</c>) and data set versions (<c>dataset.&lt;id&gt;</c>).
    /// </summary>
    public static StageResult ResultOf(JobCompletion completion)
    {
        var outputs = completion.Variables.ToBuilder();
        foreach (var (name, value) in completion.Metrics)
        {
            outputs.TryAdd(name, Variable.Of(value));
        }

        if (completion.ArtifactUri is { } uri)
        {
            outputs["artifact.uri"] = Variable.Of(uri);
        }

        if (completion.ArtifactSha256 is { } sha)
        {
            outputs["artifact.sha256"] = Variable.Of(sha.ToLowerInvariant());
        }

        foreach (var (dataset, version) in completion.DatasetVersions)
        {
            outputs[$"dataset.{dataset}"] = Variable.Of(version);
        }

        return new StageResult(outputs.ToImmutable(), completion.Metrics, TrainedModel: null, DeployedEnvironment: null);
    }

    public static string? Excerpt(string? log) => log is null ? null : log.Length <= MaxLogExcerpt ? log : log[^MaxLogExcerpt..];

    [GeneratedRegex("^[a-z][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();
}
