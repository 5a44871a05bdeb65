using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Models;
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

    public const int MaxLogExcerpt = 4_000;

    public static string? TopicOf(StageTask task) =>
        task.Properties.GetValueOrDefault(TopicProperty)?.Trim() is { Length: > 0 } topic ? topic : null;

    public static bool IsValidTopic(string topic) => TopicPattern().IsMatch(topic);

    /// <summary>
    /// Names one attempt of one activation of one task in one run: stable, so creating the job again finds the same one,
    /// and never shared by two tasks a token passes, nor by two visits of a loop to the same task.
    /// </summary>
    public static string JobId(string runId, string nodeId, int activation, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}\n{nodeId}\n{activation}\n{attempt}"));
        return "job-" + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>
    /// The worker's variables, its metrics as number variables (so conditions and gates see them), the artifact
    /// (<c>artifact.uri</c>, <c>artifact.sha256</c>) and data set versions (<c>dataset.&lt;id&gt;</c>).
    /// </summary>
    public static StageResult ResultOf(JobCompletion completion, ImmutableDictionary<string, Variable> variables, Actor trainer, DateTimeOffset now)
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

        return new StageResult(outputs.ToImmutable(), completion.Metrics, Registration(completion, variables, trainer, now), DeployedEnvironment: null);
    }

    /// <summary>
    /// The registration of a model the worker trained: lineage as the worker captured it, what the run declares for
    /// the inventory (purpose, riskClass, owner — default the trainer —, tier, tags), trained by the run's trainer.
    /// </summary>
    private static ModelRegistration? Registration(
        JobCompletion completion, ImmutableDictionary<string, Variable> variables, Actor trainer, DateTimeOffset now)
    {
        if (completion.Model is not { } model)
        {
            return null;
        }

        string? Declared(string name) => variables.GetValueOrDefault(name)?.ToString().Trim() is { Length: > 0 } text ? text : null;
        var lineage = new ModelLineage(
            model.DatasetId,
            model.DatasetVersion,
            model.Files,
            model.CodeCommit,
            model.Parameters.SetItem("worker", completion.WorkerId),
            model.Environment,
            trainer.Id,
            now);
        return new ModelRegistration(
            model.Name,
            Declared("purpose") ?? "not declared",
            Declared("riskClass") ?? "not declared",
            completion.ArtifactUri!,
            completion.ArtifactSha256!.ToLowerInvariant(),
            lineage,
            completion.Metrics)
        {
            Owner = Declared("owner") ?? trainer.Id,
            Tier = Declared("tier"),
            ProtectedAttributes = model.ProtectedAttributes.IsDefault ? [] : model.ProtectedAttributes,
            Tags = ModelTags.Parse(Declared(ModelTags.Parameter)),
        };
    }

    public static string? Excerpt(string? log) => log is null ? null : log.Length <= MaxLogExcerpt ? log : log[^MaxLogExcerpt..];

    [GeneratedRegex("^[a-z][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();

}
