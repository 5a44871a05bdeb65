using System.Text.RegularExpressions;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>
/// What a worker's completion must satisfy to become a stage result. The topic's queue checks it before it records the
/// completion, so a worker hears at once what is wrong, and nothing half-valid reaches a run.
/// </summary>
public static partial class JobCompletionRules
{
    public const int MaxVariables = 64;

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

        if (completion.ArtifactSha256 is { } sha && !IsSha256(sha))
        {
            return $"artifact SHA-256 '{sha}' is not 64 hexadecimal digits";
        }

        return completion.Model is { } model ? ModelProblem(model, completion) : null;
    }

    private static string? ModelProblem(ExternalModel model, JobCompletion completion)
    {
        if (!ModelNamePattern().IsMatch(model.Name ?? string.Empty))
        {
            return $"model name '{model.Name}' is not 1 to 64 lowercase letters, digits, '.', '_' or '-'";
        }

        if (string.IsNullOrWhiteSpace(completion.ArtifactUri) || completion.ArtifactSha256 is null)
        {
            return "a trained model needs its artifact: give artifact.uri and artifact.sha256";
        }

        if (string.IsNullOrWhiteSpace(model.DatasetId) || string.IsNullOrWhiteSpace(model.DatasetVersion) || string.IsNullOrWhiteSpace(model.CodeCommit))
        {
            return "a trained model's lineage needs its data set id and version and the code commit";
        }

        var files = model.Files.IsDefault ? [] : model.Files;
        if (files.All(f => f.Role != "train"))
        {
            return "a trained model's lineage needs at least the training file (role \"train\")";
        }

        return files.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Path) || !IsSha256(f.Sha256 ?? string.Empty) || f.Rows < 0) is { } bad
            ? $"data file '{bad.Path}' ({bad.Role}) needs a path, a SHA-256 of 64 hexadecimal digits and a row count of 0 or more"
            : null;
    }

    private static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelNamePattern();
}
