using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Stages;

/// <summary>Checks <see cref="StagesOptions"/> at start so a misconfiguration stops the host instead of failing a run later.</summary>
public sealed partial class StagesOptionsValidator : IValidateOptions<StagesOptions>
{
    public ValidateOptionsResult Validate(string? name, StagesOptions options)
    {
        var failures = new List<string>();
        if (options.BaseDirectory is not null && !IsAbsolutePath(options.BaseDirectory))
        {
            failures.Add($"{StagesOptions.Section}:BaseDirectory must be an absolute path; got '{options.BaseDirectory}'.");
        }

        CheckDirectory(failures, nameof(StagesOptions.DataDirectory), options.DataDirectory,
            "the folder holding train.csv, validation.csv and test.csv");
        CheckDirectory(failures, nameof(StagesOptions.ArtifactDirectory), options.ArtifactDirectory,
            "the root of the content-addressed model store");

        if (options.ModelName is null || !ModelNamePattern().IsMatch(options.ModelName))
        {
            failures.Add($"{StagesOptions.Section}:ModelName '{options.ModelName}' must be 1 to 64 lowercase letters, digits, "
                + "'.', '_' or '-', starting with a letter or digit (it becomes part of the model version key 'name/version').");
        }

        if (string.IsNullOrWhiteSpace(options.CodeCommit) || options.CodeCommit.Any(char.IsWhiteSpace))
        {
            failures.Add($"{StagesOptions.Section}:CodeCommit must be a commit id without spaces; "
                + $"use '{StagesOptions.DefaultCodeCommit}' when it is not known. Got '{options.CodeCommit}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDirectory(List<string> failures, string key, string? value, string purpose)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{StagesOptions.Section}:{key} is required: {purpose} (a relative path resolves against "
                + $"{StagesOptions.Section}:BaseDirectory).");
        }
        else if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{StagesOptions.Section}:{key} contains characters not allowed in a path; got '{value}'.");
        }
    }

    private static bool IsAbsolutePath(string path) =>
        path.IndexOfAny(Path.GetInvalidPathChars()) < 0 && Path.IsPathFullyQualified(path);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelNamePattern();
}
